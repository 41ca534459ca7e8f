//! `-X name[=value]` implementation-specific options, as CPython keeps them: an ordered list
//! of names, each with a string value or none (`True` in `sys._xoptions`). A later option with
//! the same name replaces the earlier value. Features look their option up by name, so adding
//! one (`-X showrefcount`, `-X tracemalloc`, ...) needs no change to the parser.

/// The value of one `-X` option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XValue {
    /// `-X name`: `True` in `sys._xoptions`.
    Flag,
    /// `-X name=value`: the text after the first `=`.
    Str(String),
}

/// The `-X` options of one run, in first-given order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XOptions {
    entries: Vec<(String, XValue)>,
}

impl XOptions {
    pub fn new() -> XOptions {
        XOptions::default()
    }

    /// Records the argument of one `-X` (`name` or `name=value`; the value may contain `=`).
    pub fn add(&mut self, arg: &str) {
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, XValue::Str(v.to_string())),
            None => (arg, XValue::Flag),
        };
        // A repeated name keeps its first position but takes the new value, as dict
        // assignment does in CPython's `sys._xoptions`.
        match self.entries.iter_mut().find(|(n, _)| n == name) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((name.to_string(), value)),
        }
    }

    /// The option's value, if it was given.
    pub fn get(&self, name: &str) -> Option<&XValue> {
        self.entries.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Whether the option was given (with or without a value).
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &XValue)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_values_and_repeats() {
        let mut x = XOptions::new();
        x.add("showrefcount");
        x.add("a=b=c");
        x.add("showrefcount=2");
        assert_eq!(x.get("showrefcount"), Some(&XValue::Str("2".into())));
        assert_eq!(x.get("a"), Some(&XValue::Str("b=c".into())));
        assert!(!x.has("tracemalloc"));
        let names: Vec<_> = x.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["showrefcount", "a"]);
    }
}
