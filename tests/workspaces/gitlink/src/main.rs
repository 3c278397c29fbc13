// Asks the libgit2 it was linked against for its version: the binary runs only where the shared
// library is installed. `--version` prints this crate's version and libgit2's.
use std::os::raw::c_int;

fn main() {
    let (mut major, mut minor, mut rev): (c_int, c_int, c_int) = (0, 0, 0);
    let status = unsafe { libgit2_sys::git_libgit2_version(&mut major, &mut minor, &mut rev) };
    assert_eq!(status, 0);
    if std::env::args().nth(1).as_deref() == Some("--version") {
        println!("gitlink {} (libgit2 {}.{})", env!("CARGO_PKG_VERSION"), major, minor);
    } else {
        println!("libgit2 {}.{}", major, minor);
    }
}
