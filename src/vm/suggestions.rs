//! "Did you mean: ...?" hints for NameError, following CPython 3.11's rules: candidates are
//! the failing frame's local variable names, then its globals, then the builtins; the best
//! candidate has the smallest Levenshtein distance (case changes cost 1, other edits 2)
//! within a budget that grows with the names' lengths.

use crate::heap::Obj;
use crate::objects::code::code_data;
use crate::objects::exception::{exc_data, tb_data};
use crate::objects::{dict, str as pystr};
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance over UTF-8 bytes with CPython's costs, giving up above `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`, if any is close enough.
fn calculate(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

fn dict_keys(d: &Obj) -> Vec<String> {
    dict::data(d)
        .keys()
        .iter()
        .filter_map(|k| pystr::try_as_str(k).map(str::to_string))
        .collect()
}

/// The suggestion for an AttributeError, from its `name` and `dir(obj)`.
pub fn attribute_error_suggestion(vm: &mut Vm, exc: &Obj) -> Option<String> {
    let ed = exc_data(exc);
    let d = ed.dict.get()?;
    let name = dict::data(&d).get_str(&vm.intern("name"))?;
    let obj = dict::data(&d).get_str(&vm.intern("obj"))?;
    let name = pystr::try_as_str(&name)?.to_string();
    let candidates = vm.dir_names(&obj);
    calculate(&candidates, &name)
}

/// The suggestion for a NameError, from its `name` and the frame it was raised in.
pub fn name_error_suggestion(vm: &mut Vm, exc: &Obj) -> Option<String> {
    let ed = exc_data(exc);
    let key = vm.intern("name");
    let name = ed.dict.get().and_then(|d| dict::data(&d).get_str(&key))?;
    let name = pystr::try_as_str(&name)?.to_string();
    let mut tb = ed.traceback.get()?;
    while let Some(next) = tb_data(&tb).next.get() {
        tb = next;
    }
    let td = tb_data(&tb);
    let varnames = code_data(&td.code).varnames.clone();
    if let Some(s) = calculate(&varnames, &name) {
        return Some(s);
    }
    if let Some(s) = calculate(&dict_keys(&td.globals), &name) {
        return Some(s);
    }
    let builtins = vm.builtins_dict.clone();
    calculate(&dict_keys(&builtins), &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_use_cpythons_costs() {
        assert_eq!(levenshtein(b"print", b"print", 10), 0);
        assert_eq!(levenshtein(b"prnt", b"print", 10), 2);
        assert_eq!(levenshtein(b"Print", b"print", 10), 1);
        assert!(levenshtein(b"abcdef", b"uvwxyz", 3) > 3);
    }

    #[test]
    fn picks_the_closest_candidate() {
        let c: Vec<String> = ["print", "property", "len"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(calculate(&c, "prnt").as_deref(), Some("print"));
        assert_eq!(calculate(&c, "zzzzzz"), None);
    }
}
