//! The `pyrena` command: python-style command line (`pyrena script.py args`, `-c code`,
//! `-` or piped stdin, the interactive prompt on a terminal or after a program with `-i`,
//! `-X name[=value]` (`showrefcount`, `tracemalloc[=N]`), `--version`, `-h`).

use std::io::Read;
use std::process::ExitCode;

use pyrena::xoptions::{XOptions, XValue};
use pyrena::Interpreter;

const USAGE: &str = "usage: pyrena [option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// What to run: a program (source and file name), the prompt, or a program then the prompt.
struct Run {
    program: Option<(String, String)>,
    argv: Vec<String>,
    xoptions: XOptions,
    interactive: bool,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    eprintln!("{USAGE}");
    eprintln!("Try `pyrena -h' for more information.");
    ExitCode::from(2)
}

fn help() {
    println!("{USAGE}");
    println!("Options:");
    println!("-c cmd : program passed in as string (terminates option list)");
    println!("-h     : print this help message and exit (also -? or --help)");
    println!("-m mod : run library module as a script (terminates option list)");
    println!("-i     : inspect interactively after running script; forces a prompt even");
    println!("         if stdin does not appear to be a terminal");
    println!("-V     : print the Python version number and exit (also --version)");
    println!("-X opt : set implementation-specific option (sys._xoptions); -X showrefcount");
    println!("         prints the total reference count and allocated blocks at exit;");
    println!("         -X memreport=FILE writes an HTML report of the heap over the run;");
    println!("         -X max-memory=SIZE caps the heap (K, M, G suffixes): MemoryError past it");
    println!("         (-X memreport_interval=MS: heap samples, default every 1 ms;");
    println!("         -X memreport_site_bytes=N: allocation sites sampled every N bytes");
    println!("         on average, default 4096, 1 for every allocation)");
    println!("file   : program read from script file");
    println!("-      : program read from stdin (default; interactive mode if a tty)");
    println!("arg ...: arguments passed to program in sys.argv[1:]");
}

fn main() -> ExitCode {
    pyrena::vm::internal_error::install_panic_report();
    let args: Vec<String> = std::env::args().collect();
    let mut xoptions = XOptions::new();
    let mut inspect = false;
    // Options come first; the first non-option (script, `-c`, `-`) ends option parsing.
    let mut i = 1;
    while let Some(arg) = args.get(i) {
        match arg.as_str() {
            "-h" | "-?" | "--help" => {
                help();
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("Pyrena {} (Python 3.11 subset)", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            // `-X name[=value]`, or `-Xname[=value]`: the next argument is taken whatever it
            // looks like, as CPython does.
            "-X" => {
                let Some(opt) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -X option");
                };
                xoptions.add(opt);
                i += 2;
            }
            a if a.starts_with("-X") => {
                xoptions.add(&a[2..]);
                i += 1;
            }
            "-i" => {
                inspect = true;
                i += 1;
            }
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -c option");
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return run(Run {
                    program: Some((code.clone(), "<string>".into())),
                    argv,
                    xoptions,
                    interactive: inspect,
                });
            }
            "-m" => {
                let Some(name) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -m option");
                };
                let Some((src, filename)) = module_program(name) else {
                    eprintln!("pyrena: No module named {name}");
                    return ExitCode::from(1);
                };
                let first = if filename.starts_with('<') {
                    name.clone()
                } else {
                    filename.clone()
                };
                let mut argv = vec![first];
                argv.extend(args[i + 2..].iter().cloned());
                return run(Run {
                    program: Some((src, filename)),
                    argv,
                    xoptions,
                    interactive: inspect,
                });
            }
            "-" => {
                let mut argv = vec!["-".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                return run_stdin(argv, xoptions, inspect);
            }
            a if a.starts_with('-') && a.len() > 1 => {
                return usage_error(&format!("Unknown option: {a}"));
            }
            path => {
                let abs = std::path::absolute(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| path.to_string());
                let src = match std::fs::read(path) {
                    Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    Err(e) => {
                        let errno = e.raw_os_error().unwrap_or(2);
                        let what = match e.kind() {
                            std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                            _ => e.to_string(),
                        };
                        eprintln!("pyrena: can't open file '{abs}': [Errno {errno}] {what}");
                        return ExitCode::from(2);
                    }
                };
                let argv: Vec<String> = args[i..].to_vec();
                return run(Run {
                    program: Some((src, abs)),
                    argv,
                    xoptions,
                    interactive: inspect,
                });
            }
        }
    }
    run_stdin(vec![String::new()], xoptions, inspect)
}

/// `-m name`: the program that runs module `name` as `__main__` — a built-in module's
/// `_main()` (`dis`), or the source of `name.py` (or `name/__main__.py` for a package) found
/// in the current directory or on `PYRENA_PATH`/`PYTHONPATH`.
fn module_program(name: &str) -> Option<(String, String)> {
    if name == "dis" {
        return Some((
            format!("import {name}\n{name}._main()\n"),
            format!("<{name}>"),
        ));
    }
    let rel = name.replace('.', "/");
    let mut dirs = vec![".".to_string()];
    for var in ["PYRENA_PATH", "PYTHONPATH"] {
        if let Ok(v) = std::env::var(var) {
            dirs.extend(v.split(':').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    for dir in dirs {
        let base = std::path::Path::new(&dir);
        for candidate in [
            base.join(format!("{rel}.py")),
            base.join(&rel).join("__main__.py"),
        ] {
            if let Ok(bytes) = std::fs::read(&candidate) {
                let abs = std::path::absolute(&candidate).unwrap_or(candidate);
                return Some((
                    String::from_utf8_lossy(&bytes).into_owned(),
                    abs.to_string_lossy().into_owned(),
                ));
            }
        }
    }
    None
}

/// No script (or `-`): the prompt when stdin is a terminal or `-i` was given, else the
/// program read from stdin, as python3 does.
fn run_stdin(argv: Vec<String>, xoptions: XOptions, inspect: bool) -> ExitCode {
    use std::io::IsTerminal;
    if inspect || std::io::stdin().is_terminal() {
        return run(Run {
            program: None,
            argv,
            xoptions,
            interactive: true,
        });
    }
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_err() {
        return usage_error("pyrena: cannot read program from stdin");
    }
    run(Run {
        program: Some((src, "<stdin>".into())),
        argv,
        xoptions,
        interactive: false,
    })
}

/// `-X tracemalloc` (1 frame) or `-X tracemalloc=N` (0 = off): the traceback depth to trace
/// with from startup; an invalid N is fatal, as in CPython.
fn tracemalloc_nframe(xoptions: &XOptions) -> Result<usize, ExitCode> {
    match xoptions.get("tracemalloc") {
        None => Ok(0),
        Some(XValue::Flag) => Ok(1),
        Some(XValue::Str(v)) if v.is_empty() => Ok(0),
        Some(XValue::Str(v)) => match v.parse::<usize>() {
            Ok(n) if n <= pyrena::heap::tracemalloc::MAX_NFRAME => Ok(n),
            _ => {
                eprintln!("Fatal Python error: config_init_tracemalloc: -X tracemalloc=NFRAME: invalid number of frames");
                Err(ExitCode::from(1))
            }
        },
    }
}

/// The value of `-X name=VALUE` as `parse` reads it: None when the option is absent, a usage
/// error saying `message` when it has no value or `parse` refuses it.
fn x_value<T>(
    xoptions: &XOptions,
    name: &str,
    message: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, ExitCode> {
    match xoptions.get(name) {
        None => Ok(None),
        Some(XValue::Str(v)) => parse(v).map(Some).ok_or_else(|| usage_error(message)),
        Some(XValue::Flag) => Err(usage_error(message)),
    }
}

/// `-X max-memory=SIZE`: a cap on the heap (bytes, or with a K/M/G suffix for KiB/MiB/GiB),
/// enforced by the allocator: past it, allocations raise MemoryError.
fn max_memory(xoptions: &XOptions) -> Result<Option<usize>, ExitCode> {
    x_value(
        xoptions,
        "max-memory",
        "pyrena: -X max-memory=SIZE needs a size in bytes, or with a K, M or G suffix",
        parse_size,
    )
}

/// `123`, `64K`, `32M`, `1G` (also `MiB`, `MB`...): bytes, with binary multiples.
fn parse_size(text: &str) -> Option<usize> {
    let v = text.trim().to_ascii_uppercase();
    let v = v
        .strip_suffix("IB")
        .or_else(|| v.strip_suffix('B'))
        .unwrap_or(&v);
    let (digits, shift) = match v.chars().last() {
        Some('K') => (&v[..v.len() - 1], 10),
        Some('M') => (&v[..v.len() - 1], 20),
        Some('G') => (&v[..v.len() - 1], 30),
        _ => (v, 0),
    };
    digits
        .parse::<usize>()
        .ok()
        .filter(|n| *n > 0)?
        .checked_mul(1 << shift)
}

/// The integer string conversion limit from `-X int_max_str_digits=N` or, failing that,
/// `PYTHONINTMAXSTRDIGITS`; an invalid one is fatal, as in CPython.
fn int_max_str_digits(xoptions: &XOptions) -> Result<Option<usize>, ExitCode> {
    let (value, source) = match xoptions.get("int_max_str_digits") {
        Some(XValue::Str(v)) => (v.clone(), "-X int_max_str_digits"),
        Some(XValue::Flag) => (String::new(), "-X int_max_str_digits"),
        None => match std::env::var("PYTHONINTMAXSTRDIGITS") {
            Ok(v) if !v.is_empty() => (v, "PYTHONINTMAXSTRDIGITS"),
            _ => return Ok(None),
        },
    };
    match value.parse::<usize>() {
        Ok(n) if n == 0 || n >= pyrena::text::int_parse::INT_MAX_STR_DIGITS_THRESHOLD => {
            Ok(Some(n))
        }
        _ => {
            eprintln!(
                "Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; \
                 must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n"
            );
            Err(ExitCode::from(1))
        }
    }
}

/// `-X memreport=FILE`: where to write the memory report, the heap sampling interval
/// (`-X memreport_interval=MS`, default 1 ms) and the mean bytes between two allocation-site
/// samples (`-X memreport_site_bytes=N`, default 4096; 1 records every allocation).
struct MemReport {
    path: std::path::PathBuf,
    interval: std::time::Duration,
    site_bytes: u64,
}

fn memreport_option(xoptions: &XOptions) -> Result<Option<MemReport>, ExitCode> {
    let Some(path) = x_value(
        xoptions,
        "memreport",
        "pyrena: -X memreport needs a file name: -X memreport=report.html",
        |v| (!v.is_empty()).then(|| std::path::PathBuf::from(v)),
    )?
    else {
        return Ok(None);
    };
    let interval = x_value(
        xoptions,
        "memreport_interval",
        "pyrena: -X memreport_interval=MS needs a positive number of milliseconds",
        |v| {
            let ms = v.parse::<f64>().ok()?;
            (ms.is_finite() && ms > 0.0 && ms <= 3.6e6)
                .then(|| std::time::Duration::from_secs_f64(ms / 1000.0))
        },
    )?
    .unwrap_or(pyrena::heap::memreport::DEFAULT_INTERVAL);
    let site_bytes = x_value(
        xoptions,
        "memreport_site_bytes",
        "pyrena: -X memreport_site_bytes=N needs a positive whole number of bytes",
        |v| v.parse::<u64>().ok().filter(|n| *n >= 1),
    )?
    .unwrap_or(pyrena::heap::site_sampler::DEFAULT_MEAN_BYTES);
    Ok(Some(MemReport {
        path,
        interval,
        site_bytes,
    }))
}

/// Ends the memory report's recording and writes the file (a failure to write is reported,
/// and leaves the exit status alone).
fn write_memreport(report: &MemReport, interp: &mut Interpreter, script: &str, exit_status: i32) {
    let Some(recording) = pyrena::heap::memreport::finish() else {
        return;
    };
    let run = pyrena::memreport::RunInfo {
        script,
        exit_status,
        sources: &interp.vm().sources,
    };
    if let Err(e) = pyrena::memreport::write(&report.path, &recording, &run) {
        eprintln!(
            "pyrena: cannot write the memory report to {}: {e}",
            report.path.display()
        );
    }
}

/// Runs a program and/or the prompt on a thread with a large native stack (deep recursion in
/// Rust helpers such as the parser must not overflow the default main-thread stack).
fn run(r: Run) -> ExitCode {
    let tracemalloc_nframe = match tracemalloc_nframe(&r.xoptions) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let memreport = match memreport_option(&r.xoptions) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let int_max_str_digits = match int_max_str_digits(&r.xoptions) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let max_memory = match max_memory(&r.xoptions) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            // Ctrl-C becomes KeyboardInterrupt in the running code, in scripts as at the prompt.
            pyrena::vm::interrupt::install_sigint_handler();
            // The report counts from the first object the interpreter makes.
            if let Some(m) = &memreport {
                pyrena::heap::memreport::start(m.interval, m.site_bytes);
            }
            let mut interp = Interpreter::new();
            if let Some(n) = int_max_str_digits {
                // Validated above: 0 or at least the threshold.
                let _ = pyrena::text::int_parse::set_max_str_digits(n);
            }
            interp.set_argv(&r.argv);
            interp.set_xoptions(r.xoptions);
            // The cap covers everything the program makes (the startup objects included).
            pyrena::heap::alloc::with_obmalloc(|m| m.set_limit(max_memory));
            if tracemalloc_nframe > 0 {
                pyrena::heap::tracemalloc::start(tracemalloc_nframe);
            }
            let filename = r.program.as_ref().map_or("<stdin>", |(_, f)| f.as_str());
            let session = match interp.begin_main(filename) {
                Ok(s) => s,
                Err(e) => return interp.report(e).code,
            };
            let mut exit = 0;
            if let Some((src, filename)) = &r.program {
                exit = interp.exec_main(&session, src, filename).code;
            }
            if r.interactive {
                // The banner only greets a session that did not start with a program.
                let show_banner = r.program.is_none();
                let exit = pyrena::repl::run_then(interp, session, show_banner, |interp, exit| {
                    if let Some(m) = &memreport {
                        write_memreport(m, interp, filename, exit.code);
                    }
                    pyrena::heap::alloc::with_obmalloc(|m| m.set_limit(None));
                });
                return exit.code;
            }
            // "At exit" is when the program's code has finished, before the teardown.
            if let Some(m) = &memreport {
                write_memreport(m, &mut interp, filename, exit);
            }
            // The teardown must be able to allocate whatever the program ran under.
            pyrena::heap::alloc::with_obmalloc(|m| m.set_limit(None));
            interp.end_main(session);
            exit
        });
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from((code & 0xff) as u8),
        // The panic hook has reported it (vm::internal_error).
        _ => ExitCode::from(pyrena::vm::internal_error::INTERNAL_ERROR_STATUS),
    }
}
