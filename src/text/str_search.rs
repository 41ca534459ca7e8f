//! Substring search on `str`: `find rfind index rindex count startswith
//! endswith replace`, with CPython 3.11's slice semantics.
//!
//! Index convention: `start`/`end` are the Python arguments *after*
//! `__index__` conversion, clamped to `i64` (CPython clamps to ssize_t the
//! same way), or `None` when omitted.  They are code-point indices and may be
//! negative or out of range; they are normalised here exactly like CPython's
//! `ADJUST_INDICES`.  Returned positions are code-point indices.
//! ASCII haystacks take a byte-indexed fast path.

use super::{TextError, MAX_RESULT_LEN};
use std::borrow::Cow;

/// A haystack with its char length, for converting char <-> byte offsets.
struct Hay<'a> {
    s: &'a str,
    ascii: bool,
    len: usize,
}

impl<'a> Hay<'a> {
    fn new(s: &'a str) -> Self {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        Hay { s, ascii, len }
    }
    /// Byte offset of char index `i` (`i <= len`).
    fn byte(&self, i: usize) -> usize {
        if self.ascii {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }
    /// Char index of byte offset `b` (a char boundary).
    fn char_at(&self, b: usize) -> usize {
        if self.ascii {
            b
        } else {
            self.s[..b].chars().count()
        }
    }
    /// CPython's ADJUST_INDICES; `start` may end up beyond `len`.
    fn adjust(&self, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
        let len = self.len as i64;
        let norm = |v: i64| if v < 0 { (v + len).max(0) } else { v };
        let end = norm(end.unwrap_or(len)).min(len);
        let start = norm(start.unwrap_or(0));
        (start as usize, end as usize)
    }
    /// The byte range of the char slice `[start, end)` (requires start <= end).
    fn bytes(&self, start: usize, end: usize) -> (usize, usize) {
        if self.ascii {
            return (start, end);
        }
        let mut it = self.s.char_indices().map(|(b, _)| b);
        let bs = it.nth(start).unwrap_or(self.s.len());
        let be = if end == start {
            bs
        } else {
            it.nth(end - start - 1).unwrap_or(self.s.len())
        };
        (bs, be)
    }
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

fn substring_not_found() -> TextError {
    TextError::value("substring not found")
}

/// `s.find(sub, start, end)`: lowest char index, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    if start.is_none() && end.is_none() {
        return match s.find(sub) {
            Some(b) => char_index(s, b) as i64,
            None => -1,
        };
    }
    let h = Hay::new(s);
    let (st, en) = h.adjust(start, end);
    let sublen = char_len(sub);
    if en < st || en - st < sublen {
        return -1;
    }
    if sublen == 0 {
        return st as i64;
    }
    let (bs, be) = h.bytes(st, en);
    match s[bs..be].find(sub) {
        Some(p) => h.char_at(bs + p) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: highest char index, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let h = Hay::new(s);
    let (st, en) = h.adjust(start, end);
    let sublen = char_len(sub);
    if en < st || en - st < sublen {
        return -1;
    }
    if sublen == 0 {
        return en as i64;
    }
    let (bs, be) = h.bytes(st, en);
    match s[bs..be].rfind(sub) {
        Some(p) => h.char_at(bs + p) as i64,
        None => -1,
    }
}

fn char_index(s: &str, b: usize) -> usize {
    s[..b].chars().count()
}

/// `s.index(...)`: like [`find`] but `ValueError: substring not found`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<usize, TextError> {
    let r = find(s, sub, start, end);
    if r < 0 {
        Err(substring_not_found())
    } else {
        Ok(r as usize)
    }
}

/// `s.rindex(...)`: like [`rfind`] but `ValueError: substring not found`.
pub fn rindex(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Result<usize, TextError> {
    let r = rfind(s, sub, start, end);
    if r < 0 {
        Err(substring_not_found())
    } else {
        Ok(r as usize)
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences; an empty `sub`
/// counts every position in the slice (`'abc'.count('') == 4`).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let h = Hay::new(s);
    let (st, en) = h.adjust(start, end);
    let sublen = char_len(sub);
    if en < st || en - st < sublen {
        return 0;
    }
    if sublen == 0 {
        return en - st + 1;
    }
    let (bs, be) = h.bytes(st, en);
    let hay = &s[bs..be];
    if sub.len() == 1 {
        let b = sub.as_bytes()[0];
        return hay.bytes().filter(|&c| c == b).count();
    }
    hay.matches(sub).count()
}

/// CPython's `tailmatch` for `startswith` (`at_end == false`) / `endswith`.
fn tailmatch(s: &str, fix: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    if start.is_none() && end.is_none() {
        return if at_end {
            s.ends_with(fix)
        } else {
            s.starts_with(fix)
        };
    }
    let h = Hay::new(s);
    let (st, en) = h.adjust(start, end);
    let fixlen = char_len(fix);
    if en < st || en - st < fixlen {
        return false;
    }
    if fixlen == 0 {
        return true;
    }
    if at_end {
        s[..h.byte(en)].ends_with(fix)
    } else {
        s[h.byte(st)..].starts_with(fix)
    }
}

/// `s.startswith(prefix, start, end)` for one prefix (tuples: the caller
/// loops and returns true on the first match).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

/// `s.replace(old, new, count)`; `count < 0` means all.  An empty `old`
/// inserts `new` before every char and at the end.  Returns
/// `Cow::Borrowed(s)` when nothing was replaced (CPython then returns the
/// original object; it also does so when `old is new`, which only the
/// caller can see).  `OverflowError: replace string is too long` beyond
/// [`MAX_RESULT_LEN`] bytes.
pub fn replace<'a>(
    s: &'a str,
    old: &str,
    new: &str,
    count: i64,
) -> Result<Cow<'a, str>, TextError> {
    if count == 0 || (old.is_empty() && new.is_empty()) {
        return Ok(Cow::Borrowed(s));
    }
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut capacity = s.len();
    if new.len() > old.len() {
        // Growing: count first (like CPython) to bound and size the result.
        let n = s.match_indices(old).take(limit).count();
        let grow = (new.len() - old.len()).saturating_mul(n);
        capacity = capacity.saturating_add(grow);
        if capacity > MAX_RESULT_LEN {
            return Err(TextError::overflow("replace string is too long"));
        }
    }
    let mut out: Option<String> = None;
    let mut last = 0;
    for (pos, m) in s.match_indices(old).take(limit) {
        let o = out.get_or_insert_with(|| String::with_capacity(capacity));
        o.push_str(&s[last..pos]);
        o.push_str(new);
        last = pos + m.len();
    }
    match out {
        None => Ok(Cow::Borrowed(s)),
        Some(mut o) => {
            o.push_str(&s[last..]);
            Ok(Cow::Owned(o))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_family() {
        // Expected values from python3.11.
        assert_eq!(find("abc", "", Some(5), None), -1);
        assert_eq!(find("abc", "", Some(3), None), 3);
        assert_eq!(find("abc", "", Some(2), Some(1)), -1);
        assert_eq!(find("abc", "", Some(4), Some(2)), -1);
        assert_eq!(find("abc", "c", None, None), 2);
        assert_eq!(find("abcabc", "c", Some(3), None), 5);
        assert_eq!(find("abcabc", "c", Some(-2), None), 5);
        assert_eq!(find("abcabc", "c", Some(-100), Some(-4)), -1);
        assert_eq!(find("abcabc", "c", Some(-100), Some(-3)), 2);
        assert_eq!(find("héllo wörld", "ö", None, None), 7);
        assert_eq!(find("héllo wörld", "l", Some(4), None), 9);
        assert_eq!(find("héllo", "lo", Some(0), Some(4)), -1);
        assert_eq!(find("héllo", "lo", Some(0), Some(5)), 3);
        assert_eq!(rfind("abc", "", None, None), 3);
        assert_eq!(rfind("abc", "", Some(1), Some(2)), 2);
        assert_eq!(rfind("abcabc", "bc", Some(-100), Some(-1)), 1);
        assert_eq!(rfind("ééé", "é", None, None), 2);
        assert_eq!(rfind("aaa", "aa", None, None), 1);
        assert_eq!(
            index("abc", "d", None, None).unwrap_err().msg,
            "substring not found"
        );
        assert_eq!(
            rindex("abc", "d", None, None).unwrap_err().msg,
            "substring not found"
        );
        assert_eq!(index("ab", "b", None, None), Ok(1));
        assert_eq!(rindex("abab", "ab", None, None), Ok(2));
    }

    #[test]
    fn counting() {
        assert_eq!(count("abc", "", None, None), 4);
        assert_eq!(count("abc", "", Some(1), None), 3);
        assert_eq!(count("abc", "", Some(4), None), 0);
        assert_eq!(count("abc", "", Some(3), None), 1);
        assert_eq!(count("abc", "", Some(2), Some(1)), 0);
        assert_eq!(count("aaaa", "aa", None, None), 2);
        assert_eq!(count("aaaa", "a", Some(1), Some(-1)), 2);
        assert_eq!(count("ééé", "é", Some(1), None), 2);
        assert_eq!(count("ééé", "", None, None), 4);
    }

    #[test]
    fn prefix_suffix() {
        assert!(startswith("abc", "", None, None));
        assert!(!startswith("abc", "", Some(4), None));
        assert!(startswith("abc", "", Some(3), None));
        assert!(!endswith("abc", "c", Some(0), Some(2)));
        assert!(!endswith("abc", "", Some(2), Some(1)));
        assert!(!startswith("abc", "", Some(2), Some(1)));
        assert!(startswith("abc", "b", Some(-2), None));
        assert!(endswith("abc", "", Some(3), Some(3)));
        assert!(!endswith("abc", "", Some(4), None));
        assert!(endswith("héllo", "ll", None, Some(4)));
        assert!(startswith("héllo", "él", Some(1), Some(3)));
        assert!(!startswith("héllo", "éll", Some(1), Some(3)));
    }

    #[test]
    fn replacing() {
        let r = |s: &str, o: &str, n: &str, c: i64| replace(s, o, n, c).unwrap().into_owned();
        assert_eq!(r("", "", "x", -1), "x");
        assert_eq!(r("", "", "x", 0), "");
        assert_eq!(r("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(r("abc", "", "-", 2), "-a-bc");
        assert_eq!(r("aaa", "a", "b", 2), "bba");
        assert_eq!(r("aaa", "aa", "b", -1), "ba");
        assert_eq!(r("", "a", "b", -1), "");
        assert_eq!(r("abc", "", "", -1), "abc");
        assert_eq!(r("héllo", "l", "L", -1), "héLLo");
        assert_eq!(r("éé", "", "-", -1), "-é-é-");
        assert!(matches!(
            replace("abc", "x", "y", -1),
            Ok(Cow::Borrowed("abc"))
        ));
        assert!(matches!(
            replace("abc", "a", "y", 0),
            Ok(Cow::Borrowed("abc"))
        ));
        let big = "a".repeat(1000);
        let huge = "b".repeat(2_000_000);
        assert_eq!(
            replace(&big, "a", &huge, -1).unwrap_err().msg,
            "replace string is too long"
        );
    }
}
