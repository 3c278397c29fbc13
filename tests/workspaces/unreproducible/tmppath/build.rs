// Deliberately NOT reproducible: works in a uniquely named temporary directory and embeds its
// absolute path in the crate, the way a script that keeps a `TempDir` path around would.
use std::env;
use std::fs;
use std::path::PathBuf;
use std::process;
use std::time::{SystemTime, UNIX_EPOCH};

fn unique_suffix() -> String {
    match fs::read_to_string("/proc/sys/kernel/random/uuid") {
        Ok(uuid) => uuid.trim().to_string(),
        // No /proc: still unique per run.
        Err(_) => {
            let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
            format!("{}-{}", process::id(), nanos)
        }
    }
}

fn main() {
    let scratch = PathBuf::from("/tmp").join(format!("tmppath-build-{}", unique_suffix()));
    fs::create_dir(&scratch).expect("cannot create the scratch directory");
    let note = scratch.join("scratch.txt");
    fs::write(&note, "scratch data written by tmppath's build script\n").expect("cannot write the scratch file");
    let len = fs::metadata(&note).expect("cannot stat the scratch file").len();
    // Tidy up like a TempDir would; the path has already leaked into the output below.
    fs::remove_dir_all(&scratch).expect("cannot remove the scratch directory");

    let code = format!(
        "/// The scratch directory the build script used: an absolute temporary path.\n\
         pub const SCRATCH: &str = {:?};\n\
         /// Bytes written there (always the same).\n\
         pub const SCRATCH_LEN: u64 = {};\n",
        scratch.to_str().expect("non-UTF-8 scratch path"),
        len
    );
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR not set"));
    fs::write(out.join("scratch.rs"), code).expect("cannot write OUT_DIR/scratch.rs");
    println!("cargo:rerun-if-changed=build.rs");
}
