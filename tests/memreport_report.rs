//! `pyrena -X memreport=FILE`: the report of a real example program
//! (`tests/memreport/workload.py`) is rendered in headless Chromium, which must draw every
//! chart and table without a script error; a screenshot is saved as
//! `target/memreport/workload.png`. Also: the recording does not change what the program
//! observes, and bad options or an unwritable file are reported.
//!
//! Chromium is Debian's `chromium` package; `.ci/run` installs it when it is missing. Outside
//! CI a machine without it runs the checks that need no browser and says so on stderr; with
//! `CI` set, a missing browser fails the test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pyrena(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .args(args)
        .current_dir(manifest_dir())
        .output()
        .expect("run pyrena")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = manifest_dir().join("target").join("memreport").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// The report's embedded data (the JSON inside `<script id="pyrena-data">`).
fn embedded_data(html: &str) -> &str {
    let open = "id=\"pyrena-data\">";
    let start = html.find(open).expect("data element") + open.len();
    let end = start
        + html[start..]
            .find("</script>")
            .expect("end of data element");
    &html[start..end]
}

fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// The browser, or None (with a notice) when it is missing outside CI.
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    match find_chromium() {
        Some(c) => Some(c),
        None if std::env::var_os("CI").is_some() => {
            panic!("chromium is not installed (.ci/run installs Debian's chromium package)")
        }
        None => {
            eprintln!("{test}: chromium not found, browser checks skipped (apt install chromium)");
            None
        }
    }
}

/// Runs headless Chromium on a local file with `mode` (`--dump-dom` or `--screenshot=...`);
/// returns (stdout, the console messages it logged).
fn chromium(browser: &Path, page: &Path, mode: &[&str], profile: &Path) -> (String, Vec<String>) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(mode)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    // Console messages (script errors among them) are logged as `...:CONSOLE:<line>] "..."`;
    // the rest of stderr is the browser's own noise (D-Bus, sandbox warnings).
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

/// The rendered DOM without the page's scripts (whose text mentions the class names).
fn without_scripts(dom: &str) -> String {
    let mut out = String::new();
    let mut rest = dom;
    while let Some(i) = rest.find("<script") {
        out.push_str(&rest[..i]);
        rest = rest[i..]
            .find("</script>")
            .map_or("", |j| &rest[i + j + "</script>".len()..]);
    }
    out.push_str(rest);
    out
}

/// The `<tr>` rows of a table's body.
fn body_rows(dom: &str, table_id: &str) -> usize {
    let start = dom
        .find(&format!("id=\"{table_id}\""))
        .unwrap_or_else(|| panic!("no #{table_id}"));
    let table = &dom[start..start + dom[start..].find("</table>").expect("table end")];
    let body = &table[table.find("<tbody").expect("tbody")..];
    body.matches("<tr").count()
}

#[test]
fn the_report_of_an_example_program_renders_in_chromium() {
    let dir = scratch("render");
    let report = dir.join("workload.html");
    let out = pyrena(&[
        "-X",
        &format!("memreport={}", report.display()),
        "tests/memreport/workload.py",
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "done 0\n");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());

    let html = std::fs::read_to_string(&report).expect("the report was written");
    // Self-contained: nothing is fetched.
    for url in ["http://", "https://", "src=\"", "@import"] {
        assert!(!html.contains(url), "the report refers to {url}");
    }
    let data = embedded_data(&html);
    assert!(
        !data.contains('<'),
        "'<' must be escaped in the embedded JSON"
    );
    let arenas = data.matches("\"address\":").count();
    let collections = data.matches("\"generation\":").count();
    assert!(arenas >= 3, "peak and exit maps: {arenas} arenas");
    // The workload frees cycles in every generation.
    for g in 0..3 {
        assert!(
            data.contains(&format!("\"generation\":{g}")),
            "no generation-{g} collection recorded"
        );
    }
    // Sites carry their source line.
    assert!(data.contains("node.children.append(build(depth - 1, key * 3 + i, node))"));

    let Some(browser) = chromium_or_skip("the_report_of_an_example_program_renders_in_chromium")
    else {
        return;
    };
    let (dom, console) = chromium(&browser, &report, &["--dump-dom"], &dir.join("profile-dom"));
    assert!(console.is_empty(), "the page logged: {console:#?}");
    let dom = without_scripts(&dom);
    for id in [
        "summary",
        "timeline-svg",
        "series-bytes",
        "series-arenas",
        "series-gen0",
        "arena-peak-map",
        "arena-exit-map",
        "sites-chart-svg",
        "types-chart-svg",
    ] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "#{id} is missing");
    }
    assert_eq!(dom.matches("<rect class=\"pool").count(), 64 * arenas);
    assert_eq!(dom.matches("class=\"gc-marker\"").count(), collections);
    assert!(dom.matches("<g class=\"bar\"").count() >= 2);
    assert!(body_rows(&dom, "sites-table") >= 5);
    assert!(body_rows(&dom, "types-table") >= 5);
    assert!(!dom.contains("NaN"), "a chart attribute is NaN");

    let shot = manifest_dir().join("target/memreport/workload.png");
    let _ = std::fs::remove_file(&shot);
    let (_, console) = chromium(
        &browser,
        &report,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,3800",
        ],
        &dir.join("profile-shot"),
    );
    assert!(console.is_empty(), "the page logged: {console:#?}");
    let png = std::fs::read(&shot).expect("screenshot saved");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
}

/// The error check above can fail: a report whose data is broken logs an error.
#[test]
fn a_broken_report_is_caught_by_the_console_check() {
    let Some(browser) = chromium_or_skip("a_broken_report_is_caught_by_the_console_check") else {
        return;
    };
    let dir = scratch("broken");
    let report = dir.join("r.html");
    let out = pyrena(&[
        "-X",
        &format!("memreport={}", report.display()),
        "-c",
        "x = [1]",
    ]);
    assert!(out.status.success());
    let html = std::fs::read_to_string(&report).expect("report");
    let data = embedded_data(&html).to_string();
    let broken = dir.join("broken.html");
    std::fs::write(&broken, html.replacen(&data, "{\"timeline\": [", 1)).expect("write");
    let (_, console) = chromium(&browser, &broken, &["--dump-dom"], &dir.join("profile"));
    assert!(
        !console.is_empty(),
        "a page with unreadable data logged nothing"
    );
}

/// The page copes with any data of the contract's shape: the sample data of
/// `tests/memreport/sample_data.json` (a bigger run than the workload) and the degenerate cases
/// (no samples, no collections, no maps, an empty object) render without a script error.
#[test]
fn the_page_renders_sample_and_degenerate_data() {
    let Some(browser) = chromium_or_skip("the_page_renders_sample_and_degenerate_data") else {
        return;
    };
    let dir = scratch("data");
    let sample = std::fs::read_to_string(manifest_dir().join("tests/memreport/sample_data.json"))
        .expect("sample data");
    let cases = [
        ("sample", sample.as_str()),
        (
            "empty-run",
            r#"{"script": "x.py", "duration": 0, "summary": {"collections": [0, 0, 0]},
                "timeline": [], "collections": [], "arena_maps": {"peak": null, "exit": null},
                "size_classes": [], "sites": [], "types": [], "large": {"count": 0, "bytes": 0}}"#,
        ),
        (
            "one-sample",
            r#"{"script": "y.py", "duration": 0.001, "summary": {"peak_bytes": 0},
                "timeline": [{"t": 0, "bytes": 0, "arenas": 0, "gen": [0, 0, 0]}],
                "collections": [{"t": 0, "generation": 2, "unreachable": 0, "collected": 0,
                                 "uncollectable": 0, "duration_ms": 0}],
                "sites": [{"file": "<unknown>", "line": 0, "source": "", "bytes": 0,
                           "count": 0}]}"#,
        ),
        ("no-fields", "{}"),
    ];
    for (name, json) in cases {
        let page = dir.join(format!("{name}.html"));
        let json = json.replace('<', "\\u003c");
        std::fs::write(&page, pyrena::memreport::page_with_data(&json)).expect("write page");
        let (dom, console) = chromium(&browser, &page, &["--dump-dom"], &dir.join(name));
        assert!(console.is_empty(), "{name}: the page logged: {console:#?}");
        let dom = without_scripts(&dom);
        assert!(dom.contains("id=\"timeline-svg\""), "{name}: no timeline");
        assert!(!dom.contains("NaN"), "{name}: a NaN in the page");
    }
}

/// Recording samples the heap at instruction boundaries without touching an object: the
/// programs that pin reference counts and collector numbers print the same with it.
#[test]
fn recording_does_not_change_what_programs_observe() {
    let dir = scratch("observe");
    for program in [
        "tests/programs/refcounts.py",
        "tests/programs/gc_cycles.py",
        "tests/programs/gc_finalizers.py",
        "tests/programs/weakref_finalizers.py",
    ] {
        let plain = pyrena(&[program]);
        let report = dir.join("r.html");
        let recorded = pyrena(&[
            "-X",
            &format!("memreport={}", report.display()),
            "-X",
            // The shortest interval samples as often as the cost limit allows.
            "memreport_interval=0.001",
            program,
        ]);
        assert_eq!(
            String::from_utf8_lossy(&plain.stdout),
            String::from_utf8_lossy(&recorded.stdout),
            "{program}"
        );
        assert!(plain.status.success(), "{program}");
        assert!(recorded.status.success(), "{program}");
        assert!(report.is_file(), "{program}: no report");
    }
}

/// Live objects of type `name` at exit, read from the report's data.
fn live_count(data: &str, name: &str) -> usize {
    let key = format!("{{\"name\":\"{name}\",\"count\":");
    let at = data
        .find(&key)
        .map(|i| i + key.len())
        .expect("type in report");
    data[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("count")
}

/// With `-i` the report is written when the prompt ends, before the teardown, so the
/// program's objects are still counted.
#[test]
fn with_a_prompt_the_report_is_taken_before_the_teardown() {
    use std::io::Write;
    let dir = scratch("interactive");
    let report = dir.join("r.html");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrena"))
        .args([
            "-X",
            &format!("memreport={}", report.display()),
            "-i",
            "-c",
            "keep = [[i] for i in range(20000)]",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run pyrena");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"more = [[i] for i in range(1000)]\n")
        .expect("write");
    assert!(child.wait_with_output().expect("wait").status.success());
    let html = std::fs::read_to_string(&report).expect("report");
    assert!(live_count(embedded_data(&html), "list") >= 21_000);
}

/// A code object's file name can name anything: the report opens no file for its source
/// lines (they come from the interpreter's own table, as tracebacks' do), so a code object
/// "from" /dev/zero gets no line instead of a read without end.
#[test]
fn source_lines_come_only_from_regular_files() {
    let dir = scratch("devzero");
    let report = dir.join("r.html");
    let o = pyrena(&[
        "-X",
        &format!("memreport={}", report.display()),
        "-X",
        "memreport_site_bytes=1",
        "-c",
        "exec(compile('x = [[i] for i in range(5000)]', '/dev/zero', 'exec'))",
    ]);
    assert!(o.status.success());
    let html = std::fs::read_to_string(&report).expect("report");
    assert!(embedded_data(&html).contains("{\"file\":\"/dev/zero\",\"line\":1,\"source\":\"\","));
}

#[test]
fn bad_options_and_unwritable_files_are_reported() {
    for opt in ["memreport", "memreport="] {
        let o = pyrena(&["-X", opt, "-c", "pass"]);
        assert_eq!(o.status.code(), Some(2), "-X {opt}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("-X memreport needs a file name"), "{err}");
    }
    for opt in [
        "memreport_interval=0",
        "memreport_interval=abc",
        "memreport_interval",
    ] {
        let o = pyrena(&["-X", "memreport=/tmp/unused.html", "-X", opt, "-c", "pass"]);
        assert_eq!(o.status.code(), Some(2), "-X {opt}");
    }
    // The program's own status wins; the failed write is said on stderr.
    let o = pyrena(&[
        "-X",
        "memreport=/nonexistent-dir/r.html",
        "-c",
        "import sys; print('ran'); sys.exit(3)",
    ]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "ran\n");
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("pyrena: cannot write the memory report to /nonexistent-dir/r.html: "),
        "{err}"
    );
}
