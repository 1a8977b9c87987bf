'use strict';
// The desk's prepopulated slugs transliterate Cyrillic as server-made ones do
// (articles/models/slugs.py, ICAO Doc 9303): Django's urlify.js writes eight Russian letters
// otherwise (я ya, х h, ц c …), so a story typed in the desk and the same story from the wire
// would get different addresses. Load after admin/js/urlify.js; tests/test_slugs.py keeps the
// table equal to the server's.
{
    const CYRILLIC = {
        'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z',
        'и': 'i', 'й': 'i', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r',
        'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh',
        'щ': 'shch', 'ъ': 'ie', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'iu', 'я': 'ia',
        'є': 'ie', 'і': 'i', 'ї': 'i', 'ґ': 'g', 'ў': 'u'
    };
    const djangoURLify = window.URLify;
    if (djangoURLify) {
        window.URLify = function(s, num_chars, allowUnicode) {
            if (!allowUnicode) {
                s = s.normalize('NFC').toLowerCase().replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? ch);
            }
            return djangoURLify(s, num_chars, allowUnicode);
        };
    }
}
