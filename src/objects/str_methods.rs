//! The methods of `str`, as thin wrappers over the algorithms in `crate::text`: argument
//! parsing with CPython's messages, and returning the original object where CPython does.

use std::borrow::Cow;

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::str::{as_str, is_ascii, try_as_str};
use crate::objects::str_type::text_error;
use crate::objects::{int, tuple};
use crate::text::{str_case, str_pad, str_pred, str_search, str_split};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.str.clone();
    let methods: &[(&'static str, crate::objects::typeobj::MethodFn)] = &[
        ("join", str_join),
        ("split", |vm, s, a| split_impl(vm, s, a, false)),
        ("rsplit", |vm, s, a| split_impl(vm, s, a, true)),
        ("splitlines", str_splitlines),
        ("strip", |vm, s, a| {
            strip_impl(vm, s, a, "strip", str_pad::strip)
        }),
        ("lstrip", |vm, s, a| {
            strip_impl(vm, s, a, "lstrip", str_pad::lstrip)
        }),
        ("rstrip", |vm, s, a| {
            strip_impl(vm, s, a, "rstrip", str_pad::rstrip)
        }),
        ("replace", str_replace),
        ("find", |vm, s, a| find_impl(vm, s, a, "find", false, false)),
        ("rfind", |vm, s, a| {
            find_impl(vm, s, a, "rfind", true, false)
        }),
        ("index", |vm, s, a| {
            find_impl(vm, s, a, "index", false, true)
        }),
        ("rindex", |vm, s, a| {
            find_impl(vm, s, a, "rindex", true, true)
        }),
        ("count", str_count),
        ("startswith", |vm, s, a| {
            affix_impl(vm, s, a, "startswith", true)
        }),
        ("endswith", |vm, s, a| {
            affix_impl(vm, s, a, "endswith", false)
        }),
        ("upper", |vm, s, a| {
            case_impl(
                vm,
                s,
                a,
                "upper",
                str_case::upper,
                Some(str::make_ascii_uppercase),
            )
        }),
        ("lower", |vm, s, a| {
            case_impl(
                vm,
                s,
                a,
                "lower",
                str_case::lower,
                Some(str::make_ascii_lowercase),
            )
        }),
        ("casefold", |vm, s, a| {
            case_impl(
                vm,
                s,
                a,
                "casefold",
                str_case::casefold,
                Some(str::make_ascii_lowercase),
            )
        }),
        ("swapcase", |vm, s, a| {
            case_impl(vm, s, a, "swapcase", str_case::swapcase, None)
        }),
        ("capitalize", |vm, s, a| {
            case_impl(vm, s, a, "capitalize", str_case::capitalize, None)
        }),
        ("title", |vm, s, a| {
            case_impl(vm, s, a, "title", str_case::title, None)
        }),
        ("center", |vm, s, a| {
            pad_impl(vm, s, a, "center", str_pad::center)
        }),
        ("ljust", |vm, s, a| {
            pad_impl(vm, s, a, "ljust", str_pad::ljust)
        }),
        ("rjust", |vm, s, a| {
            pad_impl(vm, s, a, "rjust", str_pad::rjust)
        }),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("partition", |vm, s, a| partition_impl(vm, s, a, false)),
        ("rpartition", |vm, s, a| partition_impl(vm, s, a, true)),
        ("isdigit", |vm, s, a| {
            pred_impl(vm, s, a, "isdigit", str_pred::isdigit)
        }),
        ("isdecimal", |vm, s, a| {
            pred_impl(vm, s, a, "isdecimal", str_pred::isdecimal)
        }),
        ("isnumeric", |vm, s, a| {
            pred_impl(vm, s, a, "isnumeric", str_pred::isnumeric)
        }),
        ("isalpha", |vm, s, a| {
            pred_impl(vm, s, a, "isalpha", str_pred::isalpha)
        }),
        ("isalnum", |vm, s, a| {
            pred_impl(vm, s, a, "isalnum", str_pred::isalnum)
        }),
        ("isspace", |vm, s, a| {
            pred_impl(vm, s, a, "isspace", str_pred::isspace)
        }),
        ("isascii", |vm, s, a| {
            pred_impl(vm, s, a, "isascii", str_pred::isascii)
        }),
        ("isprintable", |vm, s, a| {
            pred_impl(vm, s, a, "isprintable", str_pred::isprintable)
        }),
        ("islower", |vm, s, a| {
            pred_impl(vm, s, a, "islower", str_pred::islower)
        }),
        ("isupper", |vm, s, a| {
            pred_impl(vm, s, a, "isupper", str_pred::isupper)
        }),
        ("istitle", |vm, s, a| {
            pred_impl(vm, s, a, "istitle", str_pred::istitle)
        }),
        ("isidentifier", |vm, s, a| {
            pred_impl(vm, s, a, "isidentifier", str_pred::isidentifier)
        }),
        ("format", str_format),
        ("format_map", str_format_map),
        ("removeprefix", |vm, s, a| {
            let p = a.exact(vm, "removeprefix", 1, 1)?;
            let pre = str_arg(vm, &p[0], "removeprefix", 1)?;
            match as_str(s).strip_prefix(pre) {
                Some(rest) if !pre.is_empty() => vm.new_str(rest),
                _ => Ok(s.clone()),
            }
        }),
        ("removesuffix", |vm, s, a| {
            let p = a.exact(vm, "removesuffix", 1, 1)?;
            let suf = str_arg(vm, &p[0], "removesuffix", 1)?;
            match as_str(s).strip_suffix(suf) {
                Some(rest) if !suf.is_empty() => vm.new_str(rest),
                _ => Ok(s.clone()),
            }
        }),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
}

/// Returns `s` itself when the result is unchanged (as CPython does for exact str).
fn cow_result(vm: &mut Vm, s: &Obj, r: Cow<'_, str>) -> PyResult<Obj> {
    match r {
        Cow::Borrowed(b) if b.len() == as_str(s).len() && s.ty().name() == "str" => Ok(s.clone()),
        other => vm.new_str(&other),
    }
}

fn str_arg<'a>(vm: &mut Vm, v: &'a Obj, fname: &str, pos: usize) -> PyResult<&'a str> {
    match try_as_str(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            v.ty().name()
        ))),
    }
}

fn opt_i64(vm: &mut Vm, v: Option<&Obj>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(o) if o.is(&vm.none) => Ok(None),
        Some(o) => match int::as_int(o) {
            Some(int::IntValue::Small(x)) => Ok(Some(*x)),
            Some(v) if v.is_negative() => Ok(Some(i64::MIN)),
            Some(_) => Ok(Some(i64::MAX)),
            None => Err(vm.type_error(
                "slice indices must be integers or None or have an __index__ method".into(),
            )),
        },
    }
}

fn str_join(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "str.join", 1, 1)?;
    let items = vm.iterate(&a[0])?;
    let sep = as_str(s);
    if items.len() == 1 && items[0].ty().name() == "str" {
        return Ok(items[0].clone());
    }
    // First pass, as in CPython: every item is checked and the result's size is known before
    // it is allocated; the second writes the text straight into the new object.
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        match try_as_str(it) {
            Some(x) => total = total.saturating_add(x.len()),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    it.ty().name()
                )))
            }
        }
    }
    if total > isize::MAX as usize / 2 {
        return Err(vm.memory_error());
    }
    if total <= 1 {
        // The empty string or one character: `new_str`'s shared objects.
        let text: String = items.iter().map(as_str).collect::<Vec<_>>().join(sep);
        return vm.new_str(&text);
    }
    let mut out = vm.str_builder(total)?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(as_str(it));
    }
    Ok(out.finish())
}

fn split_impl(vm: &mut Vm, s: &Obj, args: Args, right: bool) -> PyResult<Obj> {
    let fname = if right { "rsplit" } else { "split" };
    let [sep, maxsplit] = args.bind(vm, fname, ["sep", "maxsplit"], 0, 0)?;
    let sep = match sep {
        Some(o) if !o.is(&vm.none) => Some(str_arg(vm, o, fname, 1)?),
        _ => None,
    };
    let maxsplit = match maxsplit {
        Some(m) => vm.index_i64(m)?,
        None => -1,
    };
    let text = as_str(s);
    let parts = if right {
        str_split::rsplit(text, sep, maxsplit)
    } else {
        str_split::split(text, sep, maxsplit)
    };
    let parts = parts.map_err(|e| text_error(vm, e))?;
    let mut out = Vec::with_capacity(parts.len());
    for p in parts {
        out.push(vm.new_str(p)?);
    }
    vm.new_list(out)
}

fn str_splitlines(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let [keepends] = args.bind(vm, "splitlines", ["keepends"], 0, 0)?;
    let keep = match keepends {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let mut out = Vec::new();
    for p in str_split::splitlines(as_str(s), keep) {
        out.push(vm.new_str(p)?);
    }
    vm.new_list(out)
}

fn strip_impl(
    vm: &mut Vm,
    s: &Obj,
    args: Args,
    fname: &str,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Obj> {
    let a = args.exact(vm, fname, 0, 1)?;
    let chars = match a.first() {
        Some(o) if !o.is(&vm.none) => match try_as_str(o) {
            Some(c) => Some(c),
            None => return Err(vm.type_error(format!("{fname} arg must be None or str"))),
        },
        _ => None,
    };
    let r = f(as_str(s), chars);
    cow_result(vm, s, Cow::Borrowed(r))
}

fn str_replace(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "replace", 2, 3)?;
    let old = str_arg(vm, &a[0], "replace", 1)?;
    let new = str_arg(vm, &a[1], "replace", 2)?;
    let count = match a.get(2) {
        Some(c) => vm.index_i64(c)?,
        None => -1,
    };
    let r = str_search::replace(as_str(s), old, new, count).map_err(|e| text_error(vm, e))?;
    cow_result(vm, s, r)
}

fn find_impl(
    vm: &mut Vm,
    s: &Obj,
    args: Args,
    fname: &str,
    right: bool,
    raise: bool,
) -> PyResult<Obj> {
    let a = args.exact(vm, fname, 1, 3)?;
    let Some(sub) = try_as_str(&a[0]) else {
        return Err(vm.type_error(format!("must be str, not {}", a[0].ty().name())));
    };
    let start = opt_i64(vm, a.get(1))?;
    let end = opt_i64(vm, a.get(2))?;
    let text = as_str(s);
    let r = match (right, raise) {
        (false, false) => str_search::find(text, sub, start, end),
        (true, false) => str_search::rfind(text, sub, start, end),
        (false, true) => {
            str_search::index(text, sub, start, end).map_err(|e| text_error(vm, e))? as i64
        }
        (true, true) => {
            str_search::rindex(text, sub, start, end).map_err(|e| text_error(vm, e))? as i64
        }
    };
    vm.new_int(r)
}

fn str_count(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "count", 1, 3)?;
    let Some(sub) = try_as_str(&a[0]) else {
        return Err(vm.type_error(format!("must be str, not {}", a[0].ty().name())));
    };
    let start = opt_i64(vm, a.get(1))?;
    let end = opt_i64(vm, a.get(2))?;
    let n = str_search::count(as_str(s), sub, start, end);
    vm.new_usize(n)
}

fn affix_impl(vm: &mut Vm, s: &Obj, args: Args, fname: &str, start_side: bool) -> PyResult<Obj> {
    let a = args.exact(vm, fname, 1, 3)?;
    let start = opt_i64(vm, a.get(1))?;
    let end = opt_i64(vm, a.get(2))?;
    let text = as_str(s);
    let test = |x: &str| {
        if start_side {
            str_search::startswith(text, x, start, end)
        } else {
            str_search::endswith(text, x, start, end)
        }
    };
    if let Some(items) = tuple::try_items(&a[0]) {
        for it in items {
            match try_as_str(it) {
                Some(x) => {
                    if test(x) {
                        return Ok(vm.true_obj.clone());
                    }
                }
                None => {
                    return Err(vm.type_error(format!(
                        "tuple for {fname} must only contain str, not {}",
                        it.ty().name()
                    )))
                }
            }
        }
        return Ok(vm.false_obj.clone());
    }
    match try_as_str(&a[0]) {
        Some(x) => Ok(vm.new_bool(test(x))),
        None => Err(vm.type_error(format!(
            "{fname} first arg must be str or a tuple of str, not {}",
            a[0].ty().name()
        ))),
    }
}

/// A case map: `f` in general; for an ASCII string of two or more characters, `ascii` applied
/// to a copy made in the result object itself (no temporary, as CPython's ASCII fast path).
fn case_impl(
    vm: &mut Vm,
    s: &Obj,
    args: Args,
    fname: &str,
    f: fn(&str) -> String,
    ascii: Option<fn(&mut str)>,
) -> PyResult<Obj> {
    args.exact(vm, fname, 0, 0)?;
    let text = as_str(s);
    if let Some(edit) = ascii {
        if text.len() > 1 && is_ascii(s) {
            let mut out = vm.str_builder(text.len())?;
            out.push_str(text);
            edit(out.filled_mut());
            return Ok(out.finish());
        }
    }
    let r = f(text);
    vm.new_str(&r)
}

fn pad_impl(
    vm: &mut Vm,
    s: &Obj,
    args: Args,
    fname: &str,
    f: fn(&str, i64, char) -> Result<Cow<'_, str>, crate::text::TextError>,
) -> PyResult<Obj> {
    let a = args.exact(vm, fname, 1, 2)?;
    let width = vm.index_i64(&a[0])?;
    let fill = match a.get(1) {
        Some(c) => match try_as_str(c) {
            Some(x) if x.chars().count() == 1 => x.chars().next().unwrap_or(' '),
            Some(_) => {
                return Err(
                    vm.type_error("The fill character must be exactly one character long".into())
                )
            }
            None => {
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    c.ty().name()
                )))
            }
        },
        None => ' ',
    };
    let r = f(as_str(s), width, fill).map_err(|e| text_error(vm, e))?;
    cow_result(vm, s, r)
}

fn str_zfill(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "zfill", 1, 1)?;
    let width = vm.index_i64(&a[0])?;
    let r = str_pad::zfill(as_str(s), width).map_err(|e| text_error(vm, e))?;
    cow_result(vm, s, r)
}

fn str_expandtabs(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let [tabsize] = args.bind(vm, "expandtabs", ["tabsize"], 0, 0)?;
    let t = match tabsize {
        Some(t) => vm.index_i64(t)?,
        None => 8,
    };
    let r = str_pad::expandtabs(as_str(s), t).map_err(|e| text_error(vm, e))?;
    cow_result(vm, s, r)
}

fn partition_impl(vm: &mut Vm, s: &Obj, args: Args, right: bool) -> PyResult<Obj> {
    let fname = if right { "rpartition" } else { "partition" };
    let a = args.exact(vm, fname, 1, 1)?;
    let sep = str_arg(vm, &a[0], fname, 1)?;
    let text = as_str(s);
    let r = if right {
        str_split::rpartition(text, sep)
    } else {
        str_split::partition(text, sep)
    }
    .map_err(|e| text_error(vm, e))?;
    let parts = match r {
        Some((h, t)) => vec![vm.new_str(h)?, a[0].clone(), vm.new_str(t)?],
        None if right => vec![vm.empty_str.clone(), vm.empty_str.clone(), s.clone()],
        None => vec![s.clone(), vm.empty_str.clone(), vm.empty_str.clone()],
    };
    vm.new_tuple(parts)
}

fn pred_impl(vm: &mut Vm, s: &Obj, args: Args, fname: &str, f: fn(&str) -> bool) -> PyResult<Obj> {
    args.exact(vm, fname, 0, 0)?;
    Ok(vm.new_bool(f(as_str(s))))
}

/// `str.format(*args, **kwargs)`: replacement fields `{}`, `{0}`, `{name}`, attribute and
/// index lookups, conversions and format specs (which may hold fields themselves).
fn str_format(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let text = as_str(s).to_string();
    let pos: Vec<Obj> = args.pos().to_vec();
    let kw: Vec<(String, Obj)> = args
        .kwargs()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let mut numbering = FieldNumbering::default();
    let out = format_fields(vm, &text, &pos, &kw, &mut numbering, 2)?;
    vm.new_str(&out)
}

/// Automatic field numbering state, shared by a format string and the fields nested in its
/// format specs (`'{:{}}'.format(x, width)` numbers `x` 0 and `width` 1).
#[derive(Default)]
struct FieldNumbering {
    auto: usize,
    // CPython refuses to mix `{}` and `{0}` in one format string.
    used_auto: bool,
    used_manual: bool,
    /// `format_map`'s mapping, which replaces the keyword arguments.
    mapping: Option<Obj>,
}

/// One replacement field starting after its `{` at `start`, scanned as CPython's
/// `MarkupIterator` does: (field name, conversion, format spec, index after the closing `}`).
fn scan_field(
    chars: &[char],
    start: usize,
) -> Result<(String, Option<char>, String, usize), &'static str> {
    let mut k = start;
    let mut stop = None;
    while k < chars.len() {
        let c = chars[k];
        k += 1;
        match c {
            ':' | '!' | '}' => {
                stop = Some(c);
                break;
            }
            '{' => return Err("unexpected '{' in field name"),
            '[' => {
                while k < chars.len() && chars[k] != ']' {
                    k += 1;
                }
            }
            _ => {}
        }
    }
    let name_end = if stop.is_some() { k - 1 } else { k };
    let name: String = chars[start..name_end].iter().collect();
    let mut conv = None;
    match stop {
        None => return Err("expected '}' before end of string"),
        Some('}') => return Ok((name, None, String::new(), k)),
        Some('!') => {
            let Some(&c) = chars.get(k) else {
                return Err("end of string while looking for conversion specifier");
            };
            conv = Some(c);
            k += 1;
            if let Some(&c) = chars.get(k) {
                k += 1;
                if c == '}' {
                    return Ok((name, conv, String::new(), k));
                }
                if c != ':' {
                    return Err("expected ':' after conversion specifier");
                }
            }
        }
        Some(_) => {}
    }
    let spec_start = k;
    let mut count = 1;
    while k < chars.len() {
        let c = chars[k];
        k += 1;
        match c {
            '{' => count += 1,
            '}' => {
                count -= 1;
                if count == 0 {
                    let spec: String = chars[spec_start..k - 1].iter().collect();
                    return Ok((name, conv, spec, k));
                }
            }
            _ => {}
        }
    }
    Err("unmatched '{' in format spec")
}

/// Expands the replacement fields of `text`; `depth` is how many levels of nesting
/// are allowed (CPython allows a field inside a format spec, not deeper).
/// `str.format_map(mapping)`: named fields are looked up with `mapping[name]` (so a dict
/// subclass's `__missing__` applies); positional fields are refused.
fn str_format_map(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "str.format_map", 1, 1)?;
    let text = as_str(s).to_string();
    let mut numbering = FieldNumbering {
        mapping: Some(p[0].clone()),
        ..FieldNumbering::default()
    };
    let out = format_fields(vm, &text, &[], &[], &mut numbering, 2)?;
    vm.new_str(&out)
}

fn format_fields(
    vm: &mut Vm,
    text: &str,
    pos: &[Obj],
    kw: &[(String, Obj)],
    numbering: &mut FieldNumbering,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded".into()));
    }
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            if i + 1 == chars.len() {
                return Err(vm.value_error("Single '{' encountered in format string".into()));
            }
            let (name, conv, spec, j) =
                scan_field(&chars, i + 1).map_err(|m| vm.value_error(m.into()))?;
            let first: String = name
                .chars()
                .take_while(|c| *c != '.' && *c != '[')
                .collect();
            if first.is_empty() {
                if numbering.used_manual {
                    return Err(vm.value_error(
                        "cannot switch from manual field specification to automatic field numbering".into(),
                    ));
                }
                numbering.used_auto = true;
            } else if first.parse::<usize>().is_ok() {
                if numbering.used_auto {
                    return Err(vm.value_error(
                        "cannot switch from automatic field numbering to manual field specification".into(),
                    ));
                }
                numbering.used_manual = true;
            }
            let mut value = if let Some(m) = numbering.mapping.clone() {
                if first.is_empty() || first.parse::<usize>().is_ok() {
                    return Err(vm.value_error("Format string contains positional fields".into()));
                }
                let k = vm.new_str(&first)?;
                vm.getitem(&m, &k)?
            } else if first.is_empty() {
                let v = pos.get(numbering.auto).cloned();
                numbering.auto += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {} out of range for positional args tuple",
                            numbering.auto - 1
                        )))
                    }
                }
            } else if let Ok(n) = first.parse::<usize>() {
                match pos.get(n) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        )))
                    }
                }
            } else {
                match kw.iter().find(|(k, _)| *k == first) {
                    Some((_, v)) => v.clone(),
                    None => {
                        let k = vm.new_str(&first)?;
                        return Err(vm.key_error(k));
                    }
                }
            };
            let mut rest = &name[first.len()..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let attr: String = r.chars().take_while(|c| *c != '.' && *c != '[').collect();
                    value = vm.getattr_str(&value, &attr)?;
                    rest = &r[attr.len()..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => vm.new_int(n)?,
                        Err(_) => vm.new_str(key)?,
                    };
                    value = vm.getitem(&value, &k)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    return Err(vm.value_error(
                        "Only '.' or '[' may follow ']' in format field specifier".into(),
                    ));
                }
            }
            let value = match conv {
                Some('r') => vm.repr(&value)?,
                Some('s') => vm.str(&value)?,
                Some('a') => vm.ascii(&value)?,
                Some(c) => {
                    let shown = if ('!'..'\x7f').contains(&c) {
                        c.to_string()
                    } else {
                        format!("\\x{:x}", c as u32)
                    };
                    return Err(vm.value_error(format!("Unknown conversion specifier {shown}")));
                }
                None => value,
            };
            let spec = if spec.contains('{') {
                format_fields(vm, &spec, pos, kw, numbering, depth - 1)?
            } else {
                spec
            };
            let spec_obj = Some(vm.new_str(&spec)?);
            let r = vm.format(&value, spec_obj.as_ref())?;
            out.push_str(as_str(&r));
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string".into()));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}
