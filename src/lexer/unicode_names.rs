//! A small table for `\N{name}` escapes.
//!
//! Pyrena has no copy of the Unicode character database, so only these common names (and a
//! few of CPython's aliases) are known; any other name is reported exactly as CPython reports
//! an unknown one ("unknown Unicode character name"). Lookup is case-insensitive, as in
//! CPython. Invariant: `NAMES` is sorted by name (checked by a test) for binary search.

const NAMES: &[(&str, u32)] = &[
    ("AMPERSAND", 0x0026),
    ("APOSTROPHE", 0x0027),
    ("ASTERISK", 0x002A),
    ("BLACK HEART SUIT", 0x2665),
    ("BLACK STAR", 0x2605),
    ("BOM", 0xFEFF),
    ("BOX DRAWINGS LIGHT HORIZONTAL", 0x2500),
    ("BOX DRAWINGS LIGHT VERTICAL", 0x2502),
    ("BULLET", 0x2022),
    ("BYTE ORDER MARK", 0xFEFF),
    ("CARRIAGE RETURN", 0x000D),
    ("CENT SIGN", 0x00A2),
    ("CHARACTER TABULATION", 0x0009),
    ("CHECK MARK", 0x2713),
    ("COLON", 0x003A),
    ("COMMA", 0x002C),
    ("COMMERCIAL AT", 0x0040),
    ("COPYRIGHT SIGN", 0x00A9),
    ("CR", 0x000D),
    ("DEGREE SIGN", 0x00B0),
    ("DELETE", 0x007F),
    ("DIVISION SIGN", 0x00F7),
    ("DOLLAR SIGN", 0x0024),
    ("DOWNWARDS ARROW", 0x2193),
    ("EM DASH", 0x2014),
    ("EN DASH", 0x2013),
    ("ESCAPE", 0x001B),
    ("EURO SIGN", 0x20AC),
    ("EXCLAMATION MARK", 0x0021),
    ("FULL BLOCK", 0x2588),
    ("FULL STOP", 0x002E),
    ("GREATER-THAN OR EQUAL TO", 0x2265),
    ("GREEK CAPITAL LETTER DELTA", 0x0394),
    ("GREEK CAPITAL LETTER OMEGA", 0x03A9),
    ("GREEK CAPITAL LETTER SIGMA", 0x03A3),
    ("GREEK SMALL LETTER ALPHA", 0x03B1),
    ("GREEK SMALL LETTER BETA", 0x03B2),
    ("GREEK SMALL LETTER DELTA", 0x03B4),
    ("GREEK SMALL LETTER EPSILON", 0x03B5),
    ("GREEK SMALL LETTER GAMMA", 0x03B3),
    ("GREEK SMALL LETTER LAMDA", 0x03BB),
    ("GREEK SMALL LETTER MU", 0x03BC),
    ("GREEK SMALL LETTER OMEGA", 0x03C9),
    ("GREEK SMALL LETTER PI", 0x03C0),
    ("GREEK SMALL LETTER SIGMA", 0x03C3),
    ("GRINNING FACE", 0x1F600),
    ("HEAVY CHECK MARK", 0x2714),
    ("HORIZONTAL ELLIPSIS", 0x2026),
    ("HYPHEN-MINUS", 0x002D),
    ("INFINITY", 0x221E),
    ("LATIN CAPITAL LETTER A WITH DIAERESIS", 0x00C4),
    ("LATIN SMALL LETTER A WITH DIAERESIS", 0x00E4),
    ("LATIN SMALL LETTER A WITH GRAVE", 0x00E0),
    ("LATIN SMALL LETTER C WITH CEDILLA", 0x00E7),
    ("LATIN SMALL LETTER E WITH ACUTE", 0x00E9),
    ("LATIN SMALL LETTER N WITH TILDE", 0x00F1),
    ("LATIN SMALL LETTER O WITH DIAERESIS", 0x00F6),
    ("LATIN SMALL LETTER SHARP S", 0x00DF),
    ("LATIN SMALL LETTER U WITH DIAERESIS", 0x00FC),
    ("LEFT CURLY BRACKET", 0x007B),
    ("LEFT DOUBLE QUOTATION MARK", 0x201C),
    ("LEFT PARENTHESIS", 0x0028),
    ("LEFT SINGLE QUOTATION MARK", 0x2018),
    ("LEFT SQUARE BRACKET", 0x005B),
    ("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00AB),
    ("LEFTWARDS ARROW", 0x2190),
    ("LESS-THAN OR EQUAL TO", 0x2264),
    ("LF", 0x000A),
    ("LIGHT SHADE", 0x2591),
    ("LINE FEED", 0x000A),
    ("LOW LINE", 0x005F),
    ("MICRO SIGN", 0x00B5),
    ("MIDDLE DOT", 0x00B7),
    ("MULTIPLICATION SIGN", 0x00D7),
    ("NBSP", 0x00A0),
    ("NO-BREAK SPACE", 0x00A0),
    ("NOT EQUAL TO", 0x2260),
    ("NUL", 0x0000),
    ("NULL", 0x0000),
    ("NUMBER SIGN", 0x0023),
    ("PERCENT SIGN", 0x0025),
    ("PILCROW SIGN", 0x00B6),
    ("PILE OF POO", 0x1F4A9),
    ("PLUS-MINUS SIGN", 0x00B1),
    ("POUND SIGN", 0x00A3),
    ("QUESTION MARK", 0x003F),
    ("QUOTATION MARK", 0x0022),
    ("REGISTERED SIGN", 0x00AE),
    ("REPLACEMENT CHARACTER", 0xFFFD),
    ("REVERSE SOLIDUS", 0x005C),
    ("RIGHT CURLY BRACKET", 0x007D),
    ("RIGHT DOUBLE QUOTATION MARK", 0x201D),
    ("RIGHT PARENTHESIS", 0x0029),
    ("RIGHT SINGLE QUOTATION MARK", 0x2019),
    ("RIGHT SQUARE BRACKET", 0x005D),
    ("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00BB),
    ("RIGHTWARDS ARROW", 0x2192),
    ("SECTION SIGN", 0x00A7),
    ("SEMICOLON", 0x003B),
    ("SNAKE", 0x1F40D),
    ("SNOWMAN", 0x2603),
    ("SOLIDUS", 0x002F),
    ("SP", 0x0020),
    ("SPACE", 0x0020),
    ("TAB", 0x0009),
    ("THUMBS UP SIGN", 0x1F44D),
    ("TRADE MARK SIGN", 0x2122),
    ("UPWARDS ARROW", 0x2191),
    ("WHITE STAR", 0x2606),
    ("YEN SIGN", 0x00A5),
    ("ZERO WIDTH JOINER", 0x200D),
    ("ZERO WIDTH NON-JOINER", 0x200C),
    ("ZERO WIDTH SPACE", 0x200B),
    ("ZWSP", 0x200B),
];

/// The character called `name`, if it is in the table.
pub fn lookup(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    NAMES
        .binary_search_by(|(n, _)| (*n).cmp(upper.as_str()))
        .ok()
        .and_then(|i| char::from_u32(NAMES[i].1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_case_insensitive() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(lookup("bullet"), Some('\u{2022}'));
        assert_eq!(lookup("LATIN SMALL LETTER E WITH ACUTE"), Some('é'));
        assert_eq!(lookup("NO SUCH NAME"), None);
    }
}
