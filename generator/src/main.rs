//! The `sdkgen` command line.
fn main() {
    let p = std::env::args().nth(1).unwrap();
    match sdkgen::load_model(std::path::Path::new(&p)) {
        Ok(s) => println!("{s:#?}"),
        Err(e) => print!("{e}"),
    }
}
