//! The codecs Pyrena ships — UTF-8, ASCII, Latin-1, and UTF-16/UTF-32 (with or without a byte
//! order) — with CPython's error handlers (`strict`, `ignore`, `replace`, `backslashreplace`,
//! and `xmlcharrefreplace` for encoding).
//!
//! Pure functions: a failure is a [`CodecError`] holding the range and reason CPython puts
//! in its `UnicodeDecodeError`/`UnicodeEncodeError`; encode positions count code points.
//! UTF-8 decoding reports maximal invalid subparts, as CPython does (and as Rust's
//! `Utf8Error::error_len` defines them), so error ranges and `replace` output agree.

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `Some(true)` little-endian, `Some(false)` big-endian, `None`: BOM then native order.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// Finds a codec by any of CPython's spellings (`'UTF8'`, `'utf_8'`, `'iso-8859-1'`...).
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '_' | ' ' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Codec::Utf8),
            "ascii" | "us-ascii" | "646" | "us" => Some(Codec::Ascii),
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859"
            | "cp819" | "iso-ir-100" => Some(Codec::Latin1),
            "utf-16" | "utf16" | "u16" => Some(Codec::Utf16(None)),
            "utf-16-le" | "utf-16le" => Some(Codec::Utf16(Some(true))),
            "utf-16-be" | "utf-16be" => Some(Codec::Utf16(Some(false))),
            "utf-32" | "utf32" | "u32" => Some(Codec::Utf32(None)),
            "utf-32-le" | "utf-32le" => Some(Codec::Utf32(Some(true))),
            "utf-32-be" | "utf-32be" => Some(Codec::Utf32(Some(false))),
            _ => None,
        }
    }

    /// The name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(true)) => "utf-16-le",
            Codec::Utf16(Some(false)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(true)) => "utf-32-le",
            Codec::Utf32(Some(false)) => "utf-32-be",
        }
    }
}

impl Codec {
    /// The codec that decoding `data` really uses: UTF-16/32 without a byte order pick one
    /// from the BOM (little-endian without one), and CPython names that one in errors.
    pub fn resolved_for(self, data: &[u8]) -> Codec {
        let be = |bom: &[u8]| data.starts_with(bom);
        match self {
            Codec::Utf16(None) => Codec::Utf16(Some(!be(b"\xfe\xff"))),
            Codec::Utf32(None) => Codec::Utf32(Some(!be(b"\x00\x00\xfe\xff"))),
            c => c,
        }
    }
}

/// An error handler, as named by the `errors=` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// A name CPython would look up only when an error occurs.
    Other(String),
}

impl Handler {
    pub fn parse(name: &str) -> Handler {
        match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            other => Handler::Other(other.to_string()),
        }
    }
}

/// Why a conversion stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// A strict failure over `[start, end)` (bytes when decoding, code points when encoding).
    Failed {
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// An error occurred and the handler name is not known.
    UnknownHandler(String),
    /// The handler cannot deal with this direction (`xmlcharrefreplace` while decoding).
    WrongHandler,
}

pub fn decode(codec: Codec, data: &[u8], h: &Handler) -> Result<String, CodecError> {
    match codec {
        Codec::Utf16(order) => return decode_wide(data, h, order, 2),
        Codec::Utf32(order) => return decode_wide(data, h, order, 4),
        _ => {}
    }
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let (good, bad_end, reason) = match codec {
            Codec::Utf8 => match std::str::from_utf8(&data[pos..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let start = pos + e.valid_up_to();
                    match e.error_len() {
                        Some(n) => {
                            let lead = data[start];
                            let bad_lead = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
                            let reason = if n == 1 && bad_lead {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            (start, start + n, reason)
                        }
                        None => (start, data.len(), "unexpected end of data"),
                    }
                }
            },
            Codec::Ascii => match data[pos..].iter().position(|&b| b >= 0x80) {
                None => (data.len(), data.len(), ""),
                Some(i) => (pos + i, pos + i + 1, "ordinal not in range(128)"),
            },
            _ => {
                out.extend(data[pos..].iter().map(|&b| b as char));
                break;
            }
        };
        // Everything in [pos, good) is valid text.
        match codec {
            Codec::Utf8 => out.push_str(std::str::from_utf8(&data[pos..good]).unwrap_or("")),
            _ => out.extend(data[pos..good].iter().map(|&b| b as char)),
        }
        if good == bad_end {
            break;
        }
        match h {
            Handler::Strict => {
                return Err(CodecError::Failed {
                    start: good,
                    end: bad_end,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.push('\u{fffd}'),
            Handler::BackslashReplace => {
                for b in &data[good..bad_end] {
                    let _ = write!(out, "\\x{b:02x}");
                }
            }
            Handler::XmlCharRefReplace => return Err(CodecError::WrongHandler),
            Handler::Other(n) => return Err(CodecError::UnknownHandler(n.clone())),
        }
        pos = bad_end;
    }
    Ok(out)
}

pub fn encode(codec: Codec, s: &str, h: &Handler) -> Result<Vec<u8>, CodecError> {
    let limit = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80u32,
        Codec::Latin1 => 0x100u32,
        Codec::Utf16(order) => return Ok(encode_wide(s, order, 2)),
        Codec::Utf32(order) => return Ok(encode_wide(s, order, 4)),
    };
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython reports the whole run of unencodable characters at once.
        let mut j = i + 1;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match h {
            Handler::Strict => {
                return Err(CodecError::Failed {
                    start: i,
                    end: j,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', j - i)),
            Handler::BackslashReplace => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(escape_char(c).as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            Handler::Other(n) => return Err(CodecError::UnknownHandler(n.clone())),
        }
        i = j;
    }
    Ok(out)
}

/// UTF-16 (`width` 2) or UTF-32 (`width` 4); without a byte order, a little-endian BOM comes
/// first (this build's native order, as CPython writes it).
fn encode_wide(s: &str, order: Option<bool>, width: usize) -> Vec<u8> {
    let little = order.unwrap_or(true);
    let mut out = Vec::with_capacity(s.len() * width + width);
    let mut put = |v: u32| {
        let b = v.to_le_bytes();
        let b = &b[..width];
        if little {
            out.extend_from_slice(b);
        } else {
            out.extend(b.iter().rev());
        }
    };
    if order.is_none() {
        put(0xfeff);
    }
    for c in s.chars() {
        if width == 4 {
            put(c as u32);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                put(*u as u32);
            }
        }
    }
    out
}

/// Applies the error handler to a failure over `[start, end)` while decoding.
fn on_decode_error(
    out: &mut String,
    h: &Handler,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &'static str,
) -> Result<(), CodecError> {
    match h {
        Handler::Strict => Err(CodecError::Failed { start, end, reason }),
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            out.push('\u{fffd}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for b in &data[start..end] {
                let _ = write!(out, "\\x{b:02x}");
            }
            Ok(())
        }
        Handler::XmlCharRefReplace => Err(CodecError::WrongHandler),
        Handler::Other(n) => Err(CodecError::UnknownHandler(n.clone())),
    }
}

/// UTF-16 (`width` 2) or UTF-32 (`width` 4) decoding; without a byte order, a BOM selects it
/// (and is dropped), else little-endian. Error ranges and reasons are CPython's.
fn decode_wide(
    data: &[u8],
    h: &Handler,
    order: Option<bool>,
    width: usize,
) -> Result<String, CodecError> {
    let mut pos = 0;
    let little = match order {
        Some(o) => o,
        None => {
            let bom_le: &[u8] = if width == 2 {
                b"\xff\xfe"
            } else {
                b"\xff\xfe\x00\x00"
            };
            let bom_be: &[u8] = if width == 2 {
                b"\xfe\xff"
            } else {
                b"\x00\x00\xfe\xff"
            };
            if data.starts_with(bom_le) {
                pos = width;
                true
            } else if data.starts_with(bom_be) {
                pos = width;
                false
            } else {
                true
            }
        }
    };
    let unit = |p: usize| -> u32 {
        let mut v = 0u32;
        for k in 0..width {
            let b = data[p + if little { width - 1 - k } else { k }] as u32;
            v = (v << 8) | b;
        }
        v
    };
    let mut out = String::with_capacity(data.len() / width);
    while pos < data.len() {
        if pos + width > data.len() {
            on_decode_error(&mut out, h, data, pos, data.len(), "truncated data")?;
            break;
        }
        let u = unit(pos);
        if width == 4 {
            let reason = if u > 0x10ffff {
                "code point not in range(0x110000)"
            } else if (0xd800..0xe000).contains(&u) {
                "code point in surrogate code point range(0xd800, 0xe000)"
            } else {
                out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                pos += 4;
                continue;
            };
            on_decode_error(&mut out, h, data, pos, pos + 4, reason)?;
            pos += 4;
            continue;
        }
        match u {
            0xd800..=0xdbff => {
                if pos + 4 > data.len() {
                    on_decode_error(&mut out, h, data, pos, data.len(), "unexpected end of data")?;
                    break;
                }
                let lo = unit(pos + 2);
                if (0xdc00..=0xdfff).contains(&lo) {
                    let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                    pos += 4;
                } else {
                    on_decode_error(&mut out, h, data, pos, pos + 2, "illegal UTF-16 surrogate")?;
                    pos += 2;
                }
            }
            0xdc00..=0xdfff => {
                on_decode_error(&mut out, h, data, pos, pos + 2, "illegal encoding")?;
                pos += 2;
            }
            _ => {
                out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                pos += 2;
            }
        }
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`: how CPython's messages and `backslashreplace` spell a
/// code point.
pub fn escape_char(c: char) -> String {
    let v = c as u32;
    if v <= 0xff {
        format!("\\x{v:02x}")
    } else if v <= 0xffff {
        format!("\\u{v:04x}")
    } else {
        format!("\\U{v:08x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(start: usize, end: usize, reason: &'static str) -> CodecError {
        CodecError::Failed { start, end, reason }
    }

    #[test]
    fn utf8_error_ranges_match_cpython() {
        let s = Handler::Strict;
        let d = |b: &[u8]| decode(Codec::Utf8, b, &Handler::Strict);
        assert_eq!(d(b"\xff"), Err(fail(0, 1, "invalid start byte")));
        assert_eq!(
            d(b"a\xe2\x28\xa1"),
            Err(fail(1, 2, "invalid continuation byte"))
        );
        assert_eq!(
            d(b"\xe2\x82\x28"),
            Err(fail(0, 2, "invalid continuation byte"))
        );
        assert_eq!(d(b"ab\xe2\x82"), Err(fail(2, 4, "unexpected end of data")));
        assert_eq!(
            d(b"\xed\xa0\x80"),
            Err(fail(0, 1, "invalid continuation byte"))
        );
        assert_eq!(
            decode(Codec::Utf8, "h\u{e9}".as_bytes(), &s).unwrap(),
            "h\u{e9}"
        );
        let r = decode(Codec::Utf8, b"a\xffb\xe2\x82", &Handler::Replace).unwrap();
        assert_eq!(r, "a\u{fffd}b\u{fffd}");
        let r = decode(Codec::Utf8, b"a\xffb", &Handler::BackslashReplace).unwrap();
        assert_eq!(r, "a\\xffb");
    }

    #[test]
    fn encoders_group_runs_and_apply_handlers() {
        let e = |s: &str, h: &str| encode(Codec::Ascii, s, &Handler::parse(h));
        assert_eq!(
            e("a\u{e9}\u{20ac}b", "strict"),
            Err(fail(1, 3, "ordinal not in range(128)"))
        );
        assert_eq!(e("a\u{e9}b", "replace").unwrap(), b"a?b");
        assert_eq!(e("a\u{e9}b", "ignore").unwrap(), b"ab");
        assert_eq!(
            e("\u{e9}\u{20ac}\u{1f600}", "backslashreplace").unwrap(),
            b"\\xe9\\u20ac\\U0001f600"
        );
        assert_eq!(e("\u{e9}", "xmlcharrefreplace").unwrap(), b"&#233;");
        assert_eq!(
            encode(Codec::Latin1, "\u{e9}", &Handler::Strict).unwrap(),
            b"\xe9"
        );
        assert_eq!(
            e("\u{e9}", "bogus"),
            Err(CodecError::UnknownHandler("bogus".into()))
        );
        assert_eq!(e("abc", "bogus").unwrap(), b"abc");
        assert_eq!(Codec::lookup("UTF_8"), Some(Codec::Utf8));
        assert_eq!(Codec::lookup("ISO-8859-1"), Some(Codec::Latin1));
    }

    #[test]
    fn utf16_and_utf32_match_cpython() {
        let s = Handler::Strict;
        let smile = "a\u{1f600}";
        assert_eq!(
            encode(Codec::Utf16(None), smile, &s).unwrap(),
            b"\xff\xfea\x00=\xd8\x00\xde"
        );
        assert_eq!(
            encode(Codec::Utf16(Some(false)), smile, &s).unwrap(),
            b"\x00a\xd8=\xde\x00"
        );
        assert_eq!(
            encode(Codec::Utf32(Some(false)), smile, &s).unwrap(),
            b"\x00\x00\x00a\x00\x01\xf6\x00"
        );
        for c in [
            Codec::Utf16(None),
            Codec::Utf32(None),
            Codec::Utf16(Some(false)),
        ] {
            let b = encode(c, smile, &s).unwrap();
            assert_eq!(decode(c, &b, &s).unwrap(), smile);
        }
        assert_eq!(
            decode(Codec::Utf16(None), b"\xfe\xff\x00a", &s).unwrap(),
            "a"
        );
        let le = Codec::Utf16(Some(true));
        assert_eq!(decode(le, b"a\x00b", &s), Err(fail(2, 3, "truncated data")));
        assert_eq!(
            decode(le, b"\x00\xd8a\x00", &s),
            Err(fail(0, 2, "illegal UTF-16 surrogate"))
        );
        assert_eq!(
            decode(le, b"\x00\xdca\x00", &s),
            Err(fail(0, 2, "illegal encoding"))
        );
        assert_eq!(
            decode(le, b"\x00\xd8", &s),
            Err(fail(0, 2, "unexpected end of data"))
        );
        let r = decode(le, b"\x00\xd8\x00\xd8\x00\xdc", &Handler::Replace).unwrap();
        assert_eq!(r, "\u{fffd}\u{10000}");
        let le32 = Codec::Utf32(Some(true));
        assert_eq!(
            decode(le32, b"\x00\x00\x11\x00", &s),
            Err(fail(0, 4, "code point not in range(0x110000)"))
        );
        assert_eq!(
            decode(le32, b"a\x00\x00", &s),
            Err(fail(0, 3, "truncated data"))
        );
    }
}
