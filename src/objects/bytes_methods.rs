//! The methods `bytes` and `bytearray` share (searching, stripping, replacing, case, padding,
//! predicates, `decode`; splitting lives in `bytes_split`, hex in `bytes_hex`): each reads the
//! receiver's bytes and returns a result of the receiver's own type, as CPython does.
//!
//! Borrow discipline: arguments are converted (which may run Python code) before the
//! receiver's bytes are borrowed, so a bytearray never changes under a running method.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::buffer::{self, bytes_like};
use crate::objects::typeobj::MethodFn;
use crate::objects::{bytearray, bytes, bytes_codecs, bytes_hex, bytes_split, int, tuple};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let methods: &[(&'static str, MethodFn)] = &[
        ("decode", |vm, s, a| {
            let d = data(s).to_vec();
            bytes_codecs::decode_method(vm, &d, a)
        }),
        ("hex", bytes_hex::bytes_hex),
        ("count", |vm, s, a| search(vm, s, a, "count", Search::Count)),
        ("find", |vm, s, a| search(vm, s, a, "find", Search::Find)),
        ("rfind", |vm, s, a| search(vm, s, a, "rfind", Search::RFind)),
        ("index", |vm, s, a| search(vm, s, a, "index", Search::Index)),
        ("rindex", |vm, s, a| {
            search(vm, s, a, "rindex", Search::RIndex)
        }),
        ("startswith", |vm, s, a| affix(vm, s, a, "startswith", true)),
        ("endswith", |vm, s, a| affix(vm, s, a, "endswith", false)),
        ("split", |vm, s, a| {
            bytes_split::split(vm, s, a, "split", false)
        }),
        ("rsplit", |vm, s, a| {
            bytes_split::split(vm, s, a, "rsplit", true)
        }),
        ("splitlines", bytes_split::splitlines),
        ("partition", |vm, s, a| {
            bytes_split::partition(vm, s, a, "partition", false)
        }),
        ("rpartition", |vm, s, a| {
            bytes_split::partition(vm, s, a, "rpartition", true)
        }),
        ("join", bytes_split::join),
        ("strip", |vm, s, a| strip(vm, s, a, "strip", true, true)),
        ("lstrip", |vm, s, a| strip(vm, s, a, "lstrip", true, false)),
        ("rstrip", |vm, s, a| strip(vm, s, a, "rstrip", false, true)),
        ("replace", replace),
        ("upper", |vm, s, a| map_case(vm, s, a, "upper", Case::Upper)),
        ("lower", |vm, s, a| map_case(vm, s, a, "lower", Case::Lower)),
        ("swapcase", |vm, s, a| {
            map_case(vm, s, a, "swapcase", Case::Swap)
        }),
        ("title", |vm, s, a| map_case(vm, s, a, "title", Case::Title)),
        ("capitalize", |vm, s, a| {
            map_case(vm, s, a, "capitalize", Case::Capitalize)
        }),
        ("isalpha", |vm, s, a| {
            pred(vm, s, a, "isalpha", |b| {
                b.iter().all(u8::is_ascii_alphabetic)
            })
        }),
        ("isdigit", |vm, s, a| {
            pred(vm, s, a, "isdigit", |b| b.iter().all(u8::is_ascii_digit))
        }),
        ("isalnum", |vm, s, a| {
            pred(vm, s, a, "isalnum", |b| {
                b.iter().all(u8::is_ascii_alphanumeric)
            })
        }),
        ("isspace", |vm, s, a| {
            pred(vm, s, a, "isspace", |b| b.iter().all(|c| is_space(*c)))
        }),
        ("islower", |vm, s, a| {
            pred(vm, s, a, "islower", |b| {
                b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
            })
        }),
        ("isupper", |vm, s, a| {
            pred(vm, s, a, "isupper", |b| {
                b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
            })
        }),
        ("istitle", |vm, s, a| pred(vm, s, a, "istitle", is_title)),
        ("isascii", |vm, s, a| {
            pred(vm, s, a, "isascii", |b| b.is_ascii())
        }),
        ("center", |vm, s, a| pad(vm, s, a, "center", Align::Center)),
        ("ljust", |vm, s, a| pad(vm, s, a, "ljust", Align::Left)),
        ("rjust", |vm, s, a| pad(vm, s, a, "rjust", Align::Right)),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("translate", translate),
        ("removeprefix", |vm, s, a| {
            remove_affix(vm, s, a, "removeprefix", true)
        }),
        ("removesuffix", |vm, s, a| {
            remove_affix(vm, s, a, "removesuffix", false)
        }),
    ];
    for t in [vm.types.bytes.clone(), vm.types.buf.bytearray.clone()] {
        for (name, f) in methods {
            add_method(vm, &t, name, *f);
        }
        // `fromhex` is called on the class (CPython's classmethod on a built-in type).
        let make: crate::objects::function::BuiltinFn = if t.is(&vm.types.bytes) {
            |vm, a| {
                let b = bytes_hex::fromhex_args(vm, a)?;
                vm.new_bytes(&b)
            }
        } else {
            |vm, a| {
                let b = bytes_hex::fromhex_args(vm, a)?;
                vm.new_bytearray(&b)
            }
        };
        let f = vm.new_builtin("fromhex", make).expect("startup");
        let d = crate::objects::typeobj::as_type(&t)
            .dict
            .get()
            .expect("type dict");
        vm.dict_set_str(&d, "fromhex", f).expect("startup");
        // `maketrans` is a staticmethod: the same function on both types.
        let f = vm.new_builtin("maketrans", maketrans).expect("startup");
        vm.dict_set_str(&d, "maketrans", f).expect("startup");
    }
}

/// The receiver's bytes (bytes or bytearray).
pub fn data(o: &Obj) -> &[u8] {
    bytes_like(o).expect("bytes method on a non-bytes object")
}

/// A result of the receiver's type.
pub fn make_like(vm: &mut Vm, like: &Obj, b: &[u8]) -> PyResult<Obj> {
    if bytearray::is_bytearray(like) {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

/// The receiver itself when a bytes method would return an equal copy (CPython returns the
/// same bytes object; a bytearray method always returns a new object).
pub fn same_or_new(vm: &mut Vm, s: &Obj, b: &[u8]) -> PyResult<Obj> {
    if bytes::is_bytes(s) && s.ty().name() == "bytes" && b == data(s) {
        return Ok(s.clone());
    }
    make_like(vm, s, b)
}

pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// A value in `range(0, 256)`, with `msg` as the ValueError otherwise.
pub fn byte_value(vm: &mut Vm, o: &Obj, msg: &str) -> PyResult<u8> {
    let v = vm.index_value(o)?;
    match v {
        int::IntValue::Small(x) if (0..256).contains(&x) => Ok(x as u8),
        _ => Err(vm.value_error(msg.into())),
    }
}

/// A `sub` argument: an int byte or any buffer.
fn sub_arg(vm: &mut Vm, o: &Obj) -> PyResult<Vec<u8>> {
    if int::is_int(o) {
        return Ok(vec![byte_value(vm, o, "byte must be in range(0, 256)")?]);
    }
    match buffer::to_vec(vm, o)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            o.ty().name()
        ))),
    }
}

/// Resolves optional `start`/`end` arguments against `len` (slice semantics, no clamping of
/// start beyond len so that empty-needle searches past the end fail as in CPython).
fn range_args(
    vm: &mut Vm,
    start: Option<&Obj>,
    end: Option<&Obj>,
    len: usize,
) -> PyResult<(usize, usize, bool)> {
    let get = |vm: &mut Vm, o: Option<&Obj>, dflt: i64| -> PyResult<i64> {
        match o {
            Some(o) if !o.is(&vm.none) => match vm.index_value(o)? {
                int::IntValue::Small(v) => Ok(v),
                int::IntValue::Big(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }),
            },
            _ => Ok(dflt),
        }
    };
    let n = len as i64;
    let norm = |v: i64| {
        if v < 0 {
            (v.saturating_add(n)).max(0)
        } else {
            v
        }
    };
    let s = norm(get(vm, start, 0)?);
    let e = norm(get(vm, end, n)?).min(n);
    if s > n || s > e {
        return Ok((0, 0, false));
    }
    Ok((s as usize, (e.max(s)) as usize, true))
}

pub fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    // Skip ahead by scanning for the first byte, then compare the rest.
    let (first, rest) = (needle[0], &needle[1..]);
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&c| c == first) {
            None => return None,
            Some(p) => {
                let at = i + p;
                if &hay[at + 1..at + needle.len()] == rest {
                    return Some(at);
                }
                i = at + 1;
            }
        }
    }
    None
}

pub fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn count_sub(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(p) = find_sub(&hay[i..], needle) {
        n += 1;
        i += p + needle.len();
    }
    n
}

#[derive(Clone, Copy, PartialEq)]
enum Search {
    Count,
    Find,
    RFind,
    Index,
    RIndex,
}

fn search(vm: &mut Vm, s: &Obj, a: Args, fname: &str, kind: Search) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 3)?;
    let sub = sub_arg(vm, &p[0])?;
    let (st, en, ok) = range_args(vm, p.get(1), p.get(2), data(s).len())?;
    let hay = &data(s)[st..en];
    let found = if !ok {
        None
    } else {
        match kind {
            Search::Count => return vm.new_usize(count_sub(hay, &sub)),
            Search::Find | Search::Index => find_sub(hay, &sub),
            Search::RFind | Search::RIndex => rfind_sub(hay, &sub),
        }
    };
    match found {
        Some(i) => vm.new_usize(st + i),
        None if matches!(kind, Search::Index | Search::RIndex) => {
            Err(vm.value_error("subsection not found".into()))
        }
        None if kind == Search::Count => vm.new_int(0),
        None => vm.new_int(-1),
    }
}

fn affix(vm: &mut Vm, s: &Obj, a: Args, fname: &str, start: bool) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 3)?;
    let cands: Vec<Obj> = match tuple::try_items(&p[0]) {
        Some(items) => items.to_vec(),
        None => vec![p[0].clone()],
    };
    let mut subs = Vec::with_capacity(cands.len());
    for c in &cands {
        match buffer::to_vec(vm, c)? {
            Some(v) => subs.push(v),
            None => {
                let msg = if tuple::is_tuple(&p[0]) {
                    format!("a bytes-like object is required, not '{}'", c.ty().name())
                } else {
                    format!(
                        "{fname} first arg must be bytes or a tuple of bytes, not {}",
                        c.ty().name()
                    )
                };
                return Err(vm.type_error(msg));
            }
        }
    }
    let (st, en, ok) = range_args(vm, p.get(1), p.get(2), data(s).len())?;
    let hay = &data(s)[st..en];
    let r = ok
        && subs.iter().any(|x| {
            if start {
                hay.starts_with(x)
            } else {
                hay.ends_with(x)
            }
        });
    Ok(vm.new_bool(r))
}

/// `sep=None, maxsplit=-1`.
fn strip(vm: &mut Vm, s: &Obj, a: Args, fname: &str, left: bool, right: bool) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 0, 1)?;
    let chars = match p.first() {
        Some(o) if !o.is(&vm.none) => Some(buffer::require(vm, o)?),
        _ => None,
    };
    let b = data(s).to_vec();
    let strip_it = |c: u8| match &chars {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let (mut st, mut en) = (0, b.len());
    if left {
        while st < en && strip_it(b[st]) {
            st += 1;
        }
    }
    if right {
        while en > st && strip_it(b[en - 1]) {
            en -= 1;
        }
    }
    same_or_new(vm, s, &b[st..en])
}

fn replace(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "replace", 2, 3)?;
    let old = buffer::require(vm, &p[0])?;
    let new = buffer::require(vm, &p[1])?;
    let count = match p.get(2) {
        Some(c) => vm.index_i64(c)?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let b = data(s).to_vec();
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // An empty pattern matches before every byte and at the end.
        for &c in &b {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
    } else {
        let mut i = 0;
        while left > 0 {
            match find_sub(&b[i..], &old) {
                Some(p) => {
                    out.extend_from_slice(&b[i..i + p]);
                    out.extend_from_slice(&new);
                    i += p + old.len();
                    left -= 1;
                }
                None => break,
            }
        }
        out.extend_from_slice(&b[i..]);
    }
    same_or_new(vm, s, &out)
}

#[derive(Clone, Copy)]
enum Case {
    Upper,
    Lower,
    Swap,
    Title,
    Capitalize,
}

fn map_case(vm: &mut Vm, s: &Obj, a: Args, fname: &str, c: Case) -> PyResult<Obj> {
    a.exact(vm, fname, 0, 0)?;
    let b = data(s);
    let out: Vec<u8> = match c {
        Case::Upper => b.to_ascii_uppercase(),
        Case::Lower => b.to_ascii_lowercase(),
        Case::Swap => b
            .iter()
            .map(|&x| {
                if x.is_ascii_lowercase() {
                    x.to_ascii_uppercase()
                } else {
                    x.to_ascii_lowercase()
                }
            })
            .collect(),
        Case::Title => {
            let mut prev_cased = false;
            b.iter()
                .map(|&x| {
                    let r = if prev_cased {
                        x.to_ascii_lowercase()
                    } else {
                        x.to_ascii_uppercase()
                    };
                    prev_cased = x.is_ascii_alphabetic();
                    r
                })
                .collect()
        }
        Case::Capitalize => b
            .iter()
            .enumerate()
            .map(|(i, &x)| {
                if i == 0 {
                    x.to_ascii_uppercase()
                } else {
                    x.to_ascii_lowercase()
                }
            })
            .collect(),
    };
    make_like(vm, s, &out)
}

fn is_title(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn pred(vm: &mut Vm, s: &Obj, a: Args, fname: &str, f: fn(&[u8]) -> bool) -> PyResult<Obj> {
    a.exact(vm, fname, 0, 0)?;
    let b = data(s);
    // Every predicate is false for empty bytes except isascii.
    let r = if b.is_empty() {
        fname == "isascii"
    } else {
        f(b)
    };
    Ok(vm.new_bool(r))
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
    Center,
}

fn pad(vm: &mut Vm, s: &Obj, a: Args, fname: &str, al: Align) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 2)?;
    let width = vm.index_i64(&p[0])?;
    let fill = match p.get(1) {
        None => b' ',
        Some(f) => match bytes_like(f) {
            Some(v) if v.len() == 1 => v[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {}",
                    f.ty().name()
                )))
            }
        },
    };
    let b = data(s).to_vec();
    if width <= b.len() as i64 {
        return same_or_new(vm, s, &b);
    }
    let total = width as usize - b.len();
    let left = match al {
        Align::Left => 0,
        Align::Right => total,
        // CPython's centring puts the extra byte on the left when the width is odd.
        Align::Center => total / 2 + (total & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width as usize, fill);
    make_like(vm, s, &out)
}

fn zfill(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "zfill", 1, 1)?;
    let width = vm.index_i64(&p[0])?;
    let b = data(s).to_vec();
    if width <= b.len() as i64 {
        return same_or_new(vm, s, &b);
    }
    let fill = width as usize - b.len();
    let mut out = Vec::with_capacity(width as usize);
    let sign = matches!(b.first(), Some(b'+' | b'-'));
    if sign {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(&b[usize::from(sign)..]);
    make_like(vm, s, &out)
}

fn expandtabs(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let [ts] = a.bind(vm, "expandtabs", ["tabsize"], 0, 0)?;
    let ts = match ts {
        Some(t) => vm.index_i64(t)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in data(s) {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    make_like(vm, s, &out)
}

/// `translate(table, /, delete=b'')`: map through a 256-byte table (or None), dropping the
/// bytes in `delete` first.
fn translate(vm: &mut Vm, s: &Obj, a: Args) -> PyResult<Obj> {
    let [table, delete] = a.bind(vm, "translate", ["table", "delete"], 1, 1)?;
    let table = match table {
        Some(t) if !t.is(&vm.none) => {
            let t = buffer::require(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long".into()));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match delete {
        Some(d) => buffer::require(vm, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = data(s)
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    same_or_new(vm, s, &out)
}

/// `bytes.maketrans(frm, to)`: the identity table with `frm[i]` mapped to `to[i]`.
fn maketrans(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "maketrans", 2, 2)?;
    let frm = buffer::require(vm, &p[0])?;
    let to = buffer::require(vm, &p[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length".into()));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    vm.new_bytes(&table)
}

fn remove_affix(vm: &mut Vm, s: &Obj, a: Args, fname: &str, prefix: bool) -> PyResult<Obj> {
    let p = a.exact(vm, fname, 1, 1)?;
    let affix = buffer::require(vm, &p[0])?;
    let b = data(s);
    let out = if prefix {
        b.strip_prefix(&affix[..]).unwrap_or(b)
    } else {
        b.strip_suffix(&affix[..]).unwrap_or(b)
    }
    .to_vec();
    same_or_new(vm, s, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_search_edges() {
        assert_eq!(find_sub(b"hello", b"lo"), Some(3));
        assert_eq!(find_sub(b"hello", b"o"), Some(4));
        assert_eq!(find_sub(b"hello", b"hello!"), None);
        assert_eq!(find_sub(b"aaab", b"ab"), Some(2));
        assert_eq!(find_sub(b"abc", b""), Some(0));
        assert_eq!(rfind_sub(b"abcabc", b"bc"), Some(4));
        assert_eq!(rfind_sub(b"abc", b""), Some(3));
        assert_eq!(count_sub(b"aaaa", b"aa"), 2);
        assert_eq!(count_sub(b"ab", b""), 3);
    }
}
