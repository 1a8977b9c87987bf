"""The invented people of the demo newsroom.

Everyone here is made up, as are the two countries (Estrava and Karvonia), the Velna river
they share and every organisation named. Write apostrophes as ' : the loader sets them as ’.
`names` are a person's name in the other editions' scripts (Person.local_name).
"""

PEOPLE = [
    {
        "slug": "arkady-voronin",
        "name": "Arkady Voronin",
        "names": {"ru": "Аркадий Воронин"},
        "role": "Foreign Minister",
        "organisation": "Ministry of Foreign Affairs of Estrava",
        "roles": {"ru": ("министр иностранных дел", "МИД Эстравы")},
        # Wire copy from different desks transliterates the same name differently.
        "aliases": ["Arkadiy Voronin", "Arkadi Voronin", "Arkadij Woronin", "Аркадий Воронин"],
        "bio": (
            "Estrava's foreign minister. A career diplomat, he spent six years as his country's envoy "
            "to the Velna River Commission and is known for the one-liners he drops into otherwise "
            "careful briefings."
        ),
        "topics": ["Diplomacy", "Velna River"],
        "portrait": {"by": "Maria Lind"},
    },
    {
        "slug": "lucia-ferrant",
        "name": "Lucia Ferrant",
        "names": {"ru": "Лусия Феррант"},
        "role": "Foreign Minister",
        "organisation": "Ministry of Foreign Affairs of Karvonia",
        "roles": {"ru": ("министр иностранных дел", "МИД Карвонии")},
        "aliases": ["Lucía Ferrant", "L. Ferrant"],
        "bio": (
            "Karvonia's foreign minister and a former maritime lawyer. Before entering government she "
            "represented fishing cooperatives in quota disputes on the Velna estuary."
        ),
        "topics": ["Diplomacy", "Fisheries"],
        "portrait": {"by": "Ines Carvalho"},
    },
    {
        "slug": "helena-marsh",
        "name": "Helena Marsh",
        "names": {"ru": "Хелена Марш"},
        "role": "Secretary-General",
        "organisation": "Velna River Commission",
        "roles": {"ru": ("генеральный секретарь", "Комиссия по реке Вельна")},
        "aliases": ["Hélène Marsh", "H. Marsh"],
        "bio": (
            "Hydrologist who heads the secretariat of the Velna River Commission, through which Estrava "
            "and Karvonia share data on the river. She previously ran the commission's flood forecasts."
        ),
        "topics": ["Velna River", "Water"],
        "portrait": {"by": "Jonas Avery"},
    },
    {
        "slug": "oleg-petrashko",
        "name": "Oleg Petrashko",
        "names": {"ru": "Олег Петрашко"},
        "role": "Chief Executive",
        "organisation": "Severa Energy",
        "roles": {"ru": ("генеральный директор", "«Севера Энерджи»")},
        "aliases": ["Oleh Petrashko", "Oleg Petraschko", "Oleg Petrachko", "Олег Петрашко"],
        "bio": (
            "Chief executive of Severa Energy, Estrava's largest gas and power company. A petroleum "
            "engineer by training, he is steering the company from gas exports towards wind power and "
            "grid storage."
        ),
        "topics": ["Energy", "Markets"],
        "portrait": {"by": "Teodor Balan"},
    },
    {
        "slug": "mei-lin-castell",
        "name": "Mei-Lin Castell",
        "names": {"ru": "Мэй-Линь Кастелл"},
        "role": "Governor",
        "organisation": "Central Bank of Karvonia",
        "roles": {"ru": ("председатель", "Центральный банк Карвонии")},
        "aliases": ["Meilin Castell", "Mei Lin Castell", "M. Castell"],
        "bio": (
            "Governor of the Central Bank of Karvonia. An economist who spent most of her career at the "
            "bank, she oversaw the steepest run of rate rises in its history."
        ),
        "topics": ["Economy", "Interest rates"],
        "portrait": {"by": "Priya Raman"},
    },
    {
        "slug": "ingrid-solberg-aune",
        "name": "Ingrid Solberg-Aune",
        "names": {"ru": "Ингрид Сольберг-Ауне"},
        "role": "Director",
        "organisation": "Halvard Polar Institute",
        "roles": {"ru": ("директор", "Полярный институт Хальварда")},
        "aliases": ["Ingrid Solberg Aune", "Ingrid Solberg"],
        "bio": (
            "Glaciologist and director of the Halvard Polar Institute in Tromsø. She has led more than "
            "twenty field seasons on the Halvard ice shelf."
        ),
        "topics": ["Polar research", "Climate"],
        "portrait": {"by": "Teodor Balan"},
    },
    {
        "slug": "samuel-okonjo",
        "name": "Samuel Okonjo",
        "names": {"ru": "Сэмюэл Оконджо"},
        "role": "Chief Scientist",
        "organisation": "Lumen Orbital",
        "roles": {"ru": ("главный научный сотрудник", "Lumen Orbital")},
        "aliases": ["Sam Okonjo", "Samuel C. Okonjo"],
        "bio": (
            "Co-founder and chief scientist of Lumen Orbital, a Montreal company that builds small "
            "Earth-observation satellites. A radar engineer, he designed the altimeter on its first one."
        ),
        "topics": ["Space", "Technology"],
        "portrait": {"by": "Jonas Avery"},
    },
    {
        "slug": "farid-haddadin",
        "name": "Farid Haddadin",
        "names": {"ru": "Фарид Хаддадин"},
        "role": "Artistic Director",
        "organisation": "Saltmarket Film Festival",
        "roles": {"ru": ("художественный руководитель", "кинофестиваль «Солтмаркет»")},
        "aliases": ["Fareed Haddadin", "Farid al-Haddadin", "Farid Hadadin", "فريد حدادين"],
        "bio": (
            "Artistic director of the Saltmarket Film Festival in Rotterdam. A former film critic, he "
            "has made first features the heart of the festival's programme."
        ),
        "topics": ["Film", "Festivals"],
        "portrait": {"by": "Ines Carvalho"},
    },
    {
        "slug": "greta-vahl",
        "name": "Greta Vahl",
        "names": {"ru": "Грета Валь"},
        "role": "Leader of the Opposition",
        "organisation": "Civic Union (Estrava)",
        "roles": {"ru": ("лидер оппозиции", "«Гражданский союз» (Эстрава)")},
        "aliases": ["Greta Wahl", "G. Vahl"],
        "bio": (
            "Leader of Estrava's Civic Union party and of the parliamentary opposition. A former mayor "
            "of a river port, she campaigns on energy prices and public spending."
        ),
        "topics": ["Estravan politics", "Elections"],
        # No portrait: the desk has not had one taken yet, as happens.
        "portrait": None,
    },
    {
        "slug": "pavel-lisitsyn",
        "name": "Pavel Lisitsyn",
        "names": {"ru": "Павел Лисицын"},
        "role": "Prime Minister",
        "organisation": "Government of Estrava",
        "roles": {"ru": ("премьер-министр", "правительство Эстравы")},
        "aliases": ["Pavel Lisitsin", "Paul Lisitsyn", "Paweł Lisicyn", "Павел Лисицын"],
        "bio": (
            "Prime Minister of Estrava and leader of the Social Alliance, which governs in coalition "
            "with the Farmers' League. He was finance minister before taking the top job."
        ),
        "topics": ["Estravan politics", "Budget"],
        "portrait": {"by": "Maria Lind"},
    },
    {
        "slug": "rosa-imbert",
        "name": "Rosa Imbert",
        "names": {"ru": "Роза Имбер"},
        "role": "Director",
        "organisation": "National Museum of Karvonia",
        "roles": {"ru": ("директор", "Национальный музей Карвонии")},
        "aliases": ["Rosa M. Imbert", "Rosa Imbertová"],
        "bio": (
            "Director of the National Museum of Karvonia and a historian of river trade. She has led "
            "the museum's work to restore and tour its collection of carved river boats."
        ),
        "topics": ["Museums", "Art"],
        "portrait": None,
    },
]
