//! `Interpreter`: the embedding API and the driver the command line uses — compile a source
//! text as `__main__`, run it, and turn an uncaught exception into CPython's report and exit
//! status. At the end of a run it finalizes the interpreter (`crate::teardown`) and, for
//! `-X showrefcount`, reports the heap totals.

use crate::compiler::{compile_module, Mode};
use crate::heap::Obj;
use crate::objects::{exception, int, module, str as pystr, tuple};
use crate::parser::SyntaxError;
use crate::teardown::{self, HeapTotals, Snapshot};
use crate::vm::{PyErr, Vm};
use crate::xoptions::{XOptions, XValue};

/// Environment variable that turns on the leak check: at exit, compare the heap with the
/// startup snapshot and report any difference on stderr (used by `tests/leaks.rs`).
pub const LEAK_CHECK_ENV: &str = "PYRENA_LEAK_CHECK";

/// An interpreter instance (one per thread at a time).
///
/// ```
/// use pyrena::Interpreter;
///
/// let mut interp = Interpreter::new();
/// let exit = interp.run_main("x = [1, 2, 3]\nassert sum(x) == 6\n", "<example>");
/// assert_eq!(exit.code, 0);
/// ```
pub struct Interpreter {
    vm: Vm,
    xoptions: XOptions,
    /// The `__main__` of the embedding API (`run_source`, `eval` ...), once used.
    pub(crate) embedded: Option<MainSession>,
}

impl Drop for Interpreter {
    /// Finalizes an embedded `__main__` still open; tracing state is per thread, so a later
    /// interpreter on this thread starts untraced.
    fn drop(&mut self) {
        self.finish();
        crate::heap::tracemalloc::stop();
    }
}

/// A running `__main__`: its globals and the heap's state before it started (for the
/// teardown and the leak check). Made by `begin_main`, ended by `end_main`.
pub struct MainSession {
    snap: Snapshot,
    globals: Obj,
}

impl MainSession {
    /// `__main__`'s namespace.
    pub fn globals(&self) -> &Obj {
        &self.globals
    }
}

/// How a run ended, for the process exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    pub code: i32,
}

impl Interpreter {
    pub fn new() -> Interpreter {
        // The conversion limit is per thread: a new interpreter starts from the default.
        let _ =
            crate::text::int_parse::set_max_str_digits(crate::text::int_parse::INT_MAX_STR_DIGITS);
        Interpreter {
            vm: Vm::new(),
            xoptions: XOptions::new(),
            embedded: None,
        }
    }

    /// Sets the `-X` options and `sys._xoptions` (`name` -> True, `name=value` -> 'value'),
    /// and applies those that configure the heap (`gcstats`).
    pub fn set_xoptions(&mut self, xoptions: XOptions) {
        let vm = &mut self.vm;
        if let Ok(d) = vm.new_dict() {
            for (name, value) in xoptions.iter() {
                let v = match value {
                    XValue::Flag => Ok(vm.true_obj.clone()),
                    XValue::Str(s) => vm.new_str(s),
                };
                if let (Ok(k), Ok(v)) = (vm.new_str(name), v) {
                    let _ = vm.dict_set(&d, k, v);
                }
            }
            let sys = crate::objects::module::module_dict(&vm.sys_module).clone();
            let _ = vm.dict_set_str(&sys, "_xoptions", d);
        }
        // -X gcstats: every collection reports as with gc.set_debug(gc.DEBUG_STATS).
        if xoptions.has("gcstats") {
            crate::heap::gc::with_gc(|s| s.debug.set(s.debug.get() | crate::heap::gc::DEBUG_STATS));
        }
        self.xoptions = xoptions;
    }

    /// The `-X` options of this run.
    pub fn xoptions(&self) -> &XOptions {
        &self.xoptions
    }

    pub fn vm(&mut self) -> &mut Vm {
        &mut self.vm
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, args: &[String]) {
        let _ = crate::modules::sys::set_argv(&mut self.vm, args);
    }

    /// Runs `source` as the `__main__` module. Errors are reported on stderr as CPython
    /// reports them; the returned status is what `python3` would exit with.
    ///
    /// This is a whole program run: afterwards the interpreter is finalized (`__main__` and
    /// every module the program added are released, the startup modules restored, cycles
    /// collected), so a later call starts from the startup state again.
    pub fn run_main(&mut self, source: &str, filename: &str) -> Exit {
        let session = match self.begin_main(filename) {
            Ok(s) => s,
            Err(e) => return self.report(e),
        };
        let exit = self.exec_main(&session, source, filename);
        self.end_main(session);
        exit
    }

    /// Creates `__main__` for a program called `filename` (`<stdin>` for the REPL) and
    /// remembers the heap's startup state for the teardown in `end_main`.
    pub fn begin_main(&mut self, filename: &str) -> Result<MainSession, PyErr> {
        let snap = Snapshot::take(&mut self.vm);
        let globals = self.main_module(filename)?;
        crate::vm::import::init_sys_path(&mut self.vm, filename)?;
        Ok(MainSession { snap, globals })
    }

    /// Runs a whole program in the session's `__main__`; returns the exit status it asks for.
    pub fn exec_main(&mut self, session: &MainSession, source: &str, filename: &str) -> Exit {
        match self.compile(source, filename, Mode::Exec) {
            Ok(code) => {
                let r = self.vm.run_code(&code, &session.globals, None);
                drop(code);
                self.vm.run_pending();
                match r {
                    Ok(_) => Exit { code: 0 },
                    Err(e) => self.report(e),
                }
            }
            Err(e) if e.kind == crate::parser::SyntaxErrorKind::MemoryError => {
                let err = self.vm.syntax_error_from(&e);
                self.report(err)
            }
            Err(e) => {
                self.vm.flush();
                eprint!("{}", e.render());
                Exit { code: 1 }
            }
        }
    }

    /// Runs one interactive input (a statement, or a compound statement with its block) as
    /// the REPL does: compiled from `<stdin>` in single mode, so expression statements print
    /// their repr and set `builtins._`. Errors are printed and the session goes on; the
    /// result is `Some` only when the code asked to leave (SystemExit).
    pub fn exec_interactive(&mut self, session: &MainSession, source: &str) -> Option<Exit> {
        crate::vm::interrupt::clear();
        let r = match self.compile(source, "<stdin>", Mode::Single) {
            Ok(code) => {
                let r = self.vm.run_code(&code, &session.globals, None);
                drop(code);
                self.vm.run_pending();
                r
            }
            Err(e) if e.kind == crate::parser::SyntaxErrorKind::MemoryError => {
                Err(self.vm.syntax_error_from(&e))
            }
            Err(e) => {
                self.vm.flush();
                eprint!("{}", e.render());
                return None;
            }
        };
        self.vm.flush();
        match r {
            Ok(_) => None,
            Err(e) if e.exc.ty().name() == "SystemExit" => Some(self.report(e)),
            Err(e) => {
                self.report(e);
                None
            }
        }
    }

    /// The names a completer can offer: the session's globals and the builtins.
    pub fn global_names(&mut self, session: &MainSession) -> Vec<String> {
        let mut names = Vec::new();
        for d in [session.globals.clone(), self.vm.builtins_dict.clone()] {
            for k in crate::objects::dict::data(&d).keys() {
                if let Some(s) = pystr::try_as_str(&k) {
                    names.push(s.to_string());
                }
            }
        }
        names
    }

    /// `dir()` of the object a dotted name (`os.path`) refers to in the session, for
    /// attribute completion; None if a part is missing or anything raises.
    pub fn attribute_names(&mut self, session: &MainSession, dotted: &str) -> Option<Vec<String>> {
        let mut parts = dotted.split('.');
        let first = parts.next()?;
        let vm = &mut self.vm;
        let lookup = |vm: &mut Vm, d: &Obj, name: &str| {
            let key = vm.intern(name);
            crate::objects::dict::data(d).get_str(&key)
        };
        let builtins = vm.builtins_dict.clone();
        let mut obj =
            lookup(vm, &session.globals, first).or_else(|| lookup(vm, &builtins, first))?;
        for p in parts {
            obj = vm.getattr_str(&obj, p).ok()?;
        }
        let dir = lookup(vm, &builtins, "dir")?;
        let listing = vm.call(&dir, &[obj]).ok()?;
        let items = vm.iterate(&listing).ok()?;
        Some(
            items
                .iter()
                .filter_map(|o| pystr::try_as_str(o).map(str::to_string))
                .collect(),
        )
    }

    /// Finalizes the interpreter after a program or REPL session (see `run_main`).
    pub fn end_main(&mut self, session: MainSession) {
        self.run_exit_finalizers();
        teardown::finalize(&mut self.vm, session.globals, &session.snap);
        self.vm.flush();
        self.account(&session.snap);
    }

    /// After teardown: `-X showrefcount`'s `[N refs, M blocks]` line, and with
    /// `PYRENA_LEAK_CHECK=1` a comparison with the startup snapshot.
    fn account(&mut self, snap: &Snapshot) {
        let now = HeapTotals::now();
        if self.xoptions.has("showrefcount") {
            if let Some(line) = now.showrefcount_line() {
                eprintln!("{line}");
            }
        }
        if std::env::var(LEAK_CHECK_ENV).is_ok_and(|v| v == "1") && now != snap.totals {
            let mut msg = format!(
                "pyrena: leak check: at exit {} refs, {} blocks; at startup {} refs, {} blocks",
                now.refs.unwrap_or(0),
                now.blocks,
                snap.totals.refs.unwrap_or(0),
                snap.totals.blocks
            );
            for (ty, n) in snap.tracked_growth() {
                msg.push_str(&format!("; {n} more tracked '{ty}'"));
            }
            eprintln!("{msg}");
        }
    }

    /// Parses and compiles `source`, remembering it for traceback source lines.
    pub fn compile(
        &mut self,
        source: &str,
        filename: &str,
        mode: Mode,
    ) -> Result<Obj, Box<SyntaxError>> {
        // CPython has no source lines to show for `-c` and stdin programs.
        if !filename.starts_with('<') {
            self.vm
                .sources
                .insert(filename.to_string(), std::rc::Rc::from(source));
        }
        let module = crate::parser::parse_module(source, filename).map_err(Box::new)?;
        compile_module(&mut self.vm, &module, source, filename, mode)
    }

    fn main_module(&mut self, filename: &str) -> Result<Obj, PyErr> {
        let vm = &mut self.vm;
        let m = vm.new_module("__main__")?;
        let g = module::module_dict(&m).clone();
        let b = vm.builtins.clone();
        vm.dict_set_str(&g, "__builtins__", b)?;
        // The names CPython's __main__ starts with. There is no import machinery object to
        // offer as `__loader__`/`__spec__`, so they are None (CPython's __spec__ is None for a
        // script too).
        let annotations = vm.new_dict()?;
        vm.dict_set_str(&g, "__annotations__", annotations)?;
        for name in ["__loader__", "__package__", "__spec__"] {
            let none = vm.none.clone();
            vm.dict_set_str(&g, name, none)?;
        }
        if !filename.starts_with('<') {
            let f = vm.new_str(filename)?;
            vm.dict_set_str(&g, "__file__", f)?;
            let none = vm.none.clone();
            vm.dict_set_str(&g, "__cached__", none)?;
        }
        let modules = vm.modules.clone();
        vm.dict_set_str(&modules, "__main__", m)?;
        Ok(g)
    }

    /// CPython's atexit step for `weakref.finalize`: alive finalizers with `atexit` set run
    /// after the program (and its traceback, if any), before module teardown.
    fn run_exit_finalizers(&mut self) {
        crate::modules::weakref::run_exit_finalizers(&mut self.vm);
    }

    /// Prints an uncaught exception (or handles SystemExit) and returns the exit status.
    pub fn report(&mut self, e: PyErr) -> Exit {
        let vm = &mut self.vm;
        vm.flush();
        if e.exc.ty().name() == "SystemExit" {
            let args = exception::exc_data(&e.exc).args.get();
            let arg = args.and_then(|a| tuple::items(&a).first().cloned());
            return match arg {
                None => Exit { code: 0 },
                Some(a) if a.is(&vm.none) => Exit { code: 0 },
                Some(a) => match int::as_int(&a) {
                    // The OS keeps the low byte of the status, as for CPython's exit().
                    Some(int::IntValue::Small(n)) => Exit {
                        code: (*n & 0xff) as i32,
                    },
                    Some(int::IntValue::Big(_)) => Exit { code: 255 },
                    None => {
                        let s = vm
                            .str(&a)
                            .map(|s| pystr::as_str(&s).to_string())
                            .unwrap_or_default();
                        eprintln!("{s}");
                        Exit { code: 1 }
                    }
                },
            };
        }
        let report = vm.format_exception(&e.exc);
        eprint!("{report}");
        // An uncaught Ctrl-C ends the process as SIGINT would (the shell sees 128 + 2).
        let code = if e.exc.ty().name() == "KeyboardInterrupt" {
            130
        } else {
            1
        };
        Exit { code }
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}
