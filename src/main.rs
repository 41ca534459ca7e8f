//! The `pyrena` command: python-style command line (`pyrena script.py args`, `-c code`,
//! `-` or piped stdin, `-X name[=value]` (`showrefcount`, `tracemalloc[=N]`), `--version`, `-h`).

use std::io::Read;
use std::process::ExitCode;

use pyrena::xoptions::{XOptions, XValue};
use pyrena::Interpreter;

const USAGE: &str = "usage: pyrena [option] ... [-c cmd | file | -] [arg] ...";

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
    println!("-V     : print the Python version number and exit (also --version)");
    println!("-X opt : set implementation-specific option (sys._xoptions); -X showrefcount");
    println!("         prints the total reference count and allocated blocks at exit");
    println!("file   : program read from script file");
    println!("-      : program read from stdin (default; interactive mode if a tty)");
    println!("arg ...: arguments passed to program in sys.argv[1:]");
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let mut xoptions = XOptions::new();
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
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return usage_error("Argument expected for the -c option");
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return run(code, "<string>", &argv, xoptions);
            }
            "-" => {
                let mut src = String::new();
                if std::io::stdin().read_to_string(&mut src).is_err() {
                    return usage_error("pyrena: cannot read program from stdin");
                }
                let mut argv = vec!["-".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                return run(&src, "<stdin>", &argv, xoptions);
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
                return run(&src, &abs, &argv, xoptions);
            }
        }
    }
    // No script: read the program from stdin, as python3 does when stdin is not a terminal.
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_err() {
        return usage_error("pyrena: cannot read program from stdin");
    }
    run(&src, "<stdin>", &[String::new()], xoptions)
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

/// Runs a program on a thread with a large native stack (deep recursion in Rust helpers such
/// as the parser must not overflow the default main-thread stack).
fn run(src: &str, filename: &str, argv: &[String], xoptions: XOptions) -> ExitCode {
    let tracemalloc_nframe = match tracemalloc_nframe(&xoptions) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let src = src.to_string();
    let filename = filename.to_string();
    let argv = argv.to_vec();
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut interp = Interpreter::new();
            interp.set_argv(&argv);
            interp.set_xoptions(xoptions);
            if tracemalloc_nframe > 0 {
                pyrena::heap::tracemalloc::start(tracemalloc_nframe);
            }
            interp.run_main(&src, &filename).code
        });
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from((code & 0xff) as u8),
        _ => {
            eprintln!("pyrena: internal error");
            ExitCode::from(70)
        }
    }
}
