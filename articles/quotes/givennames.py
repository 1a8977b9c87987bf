"""A small built-in list of common given names by gender, used as one hint among several.

Only common names are listed; the story's own pronouns and titles decide when the list
is silent. Names used for both sexes (Sasha, Andrea, Jean, Kim…) are deliberately absent.
"""

import unicodedata

from .lexicon import words

MALE = set(
    words(
        """
    aaron abdul abdullah adam adrian ahmed ahmet alan albert aleksandr aleksandar aleksei alexei
    alexey alexander alexandre alessandro alfred ali alistair anatoly andrei andrey andrew
    andreas andrzej andres anton antonio anthony armando arkady arnold arthur artem augusto
    bartosz ben benjamin bernard bogdan boris brian bruno carl carlos charles christian
    christopher claude colin constantin daniel daniele dariusz david denis dennis diego dmitry
    dmitri domenico donald douglas duncan edward eduardo emil emmanuel enrique eric erik ernst
    evgeny fabio felipe felix fernando filip florian francesco francisco frank franz frederick
    friedrich gabriel george georg georgios gerhard giorgio giovanni giuseppe gordon graham
    gregory grigory guillaume gustav hans harald harry heinrich helmut henri henrik henry hugo
    hussein iain ian igor ilya ivan jack jacob jakub james jan javier jeremy jerzy jim joachim joao
    joe johan johannes john jonas jonathan jorge jose josef joseph juan julian jurgen karl kamil
    kenneth kevin klaus konstantin krzysztof lars laurent leonid leon lorenzo louis luc luca
    lucas ludwig luis lukas lukasz maciej manuel marc marcel marco marcus marek mario mark
    markus martin mateusz matteo matthew maurice max maxim mehmet michael michel miguel mikhail
    mohammed mohamed muhammad mustafa nathan neil nicholas nicolas nikita nikolai nikolay niels
    oleg oliver olivier omar oscar oskar pablo paolo pascal patrick paul pavel pedro peter petr
    philip philippe pierre piotr rafael rahul ralf ramon raymond richard robert roberto roman
    ruslan ryan salvatore samuel sebastian sergei sergey sergio simon stanislav stefan stefano
    stephen steven sven thomas timothy tobias tomas tomasz tony umberto vadim valentin valery
    vasily viktor victor vincent vitaly vladimir vladislav walter werner wilhelm william
    wojciech xavier yaroslav yevgeny yuri yury zbigniew oleksandr oleksiy mykola taras volodymyr
    bohdan dmytro geoffrey edmund derek gareth dafydd owen hamish angus liam sean conor rory
    gavin craig keith malcolm stuart alastair rajesh arjun vikram sanjay amit ravi suresh ramesh
    hiroshi takashi kenji akira haruto sung-min jae-won kwame kofi chinedu emeka tunde oluwaseun
    samir karim khalid hassan youssef ibrahim yusuf giorgos nikos dimitris yannis kostas
    panagiotis mehdi reza arash tariq imran pieter willem joost bram sander daan bjorn bjørn ole
    magnus nils per anders jens rasmus mikkel mats jukka mikko pekka antti matti juha timo gabor
    laszlo istvan zoltan janos attila
    """
    )
)

FEMALE = set(
    words(
        """
    agnieszka aleksandra alexandra alice alicja alina alla amanda amelia ana anastasia andrea-f
    angela angelika anita anja ann anna anne annette antonia barbara beata beatrice birgit
    brigitte camille carla carmen carolina caroline catherine cecilia charlotte chiara christina
    christine claire clara claudia cristina daria deborah diana dolores dorota eleanor elena
    eleni elisabeth elizabeth elisa elzbieta emilia emily emma eva ewa fatima fiona francesca
    françoise francoise gabriela gabriele-f galina giulia grace greta hanna hannah helen helena
    helga ines inês ingrid irina iris isabel isabella isabelle jana jane janet jennifer jessica
    joanna johanna josephine julia julie justyna karen karin katarzyna katharina katherine
    kathryn katrin kristina laura lea leila lena linda lisa liudmila lucia lucy ludmila luisa
    lydia magdalena malgorzata margaret margarita maria marie marina marta martha martina mary
    maya melanie monika nadia nadezhda natalia natalya natasha nicole nina olga olena oksana
    patricia paula petra pilar rachel rebecca renata rita rosa sabine sandra sara sarah silvia
    simone sofia sophie stella susan svetlana sylvie tamara tatiana tatyana teresa ursula
    valentina valeria vera veronica victoria viktoria yekaterina yelena ekaterina yulia yuliya
    zoe zofia ilona erzsebet katalin gwyneth sian bethan megan rhiannon siobhan aoife niamh orla
    anjali sunita deepa kavita meera aiko yuki haruka sakura min-ji ji-woo amina aisha fatou
    ngozi chiamaka amara nour layla yasmin mariam zeynep elif ayse ingeborg kari-f liv solveig
    sigrid astrid maja annika anneli pirjo sari tuula marjatta hélène helene sandrine nathalie
    veronique valerie agathe chantal giovanna federica alessandra paola elisabetta manuela
    marisol
    """
    )
)
# A "-f" suffix above marks names that are male in one language and female in another; they
# are dropped so that the list never claims a gender it cannot know.
FEMALE = {name for name in FEMALE if not name.endswith("-f")}


def gender_of_given_name(name: str) -> str | None:
    key = name.casefold().strip(".")
    if key not in MALE and key not in FEMALE:
        # "Gábor" is listed as "gabor": fold the accents the list leaves out.
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    if key in MALE:
        return "m"
    if key in FEMALE:
        return "f"
    return None
