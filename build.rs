//! Compiles `grammar/python.lalrpop` into the parser module at build time.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .process()
        .expect("lalrpop failed to compile grammar/python.lalrpop");
    println!("cargo:rerun-if-changed=grammar/python.lalrpop");
}
