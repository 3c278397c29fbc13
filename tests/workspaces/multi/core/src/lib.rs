pub use mutil;

include!(concat!(env!("OUT_DIR"), "/table.rs"));

pub fn features() -> Vec<&'static str> {
    let mut v = Vec::new();
    for (on, name) in [
        (cfg!(feature = "text"), "text"),
        (cfg!(feature = "ids"), "ids"),
        (cfg!(feature = "ordered"), "ordered"),
        (cfg!(feature = "serde"), "serde"),
        (cfg!(rustc_1_60), "rustc_1_60"),
    ] {
        if on {
            v.push(name);
        }
    }
    v
}

pub fn mean(xs: &[u64]) -> f64 {
    let sum: u64 = xs.iter().sum();
    numt::cast::<u64, f64>(sum).unwrap() / numt::cast::<usize, f64>(xs.len().max(1)).unwrap()
}

#[cfg(unix)]
pub fn platform() -> String {
    format!("unix (EINVAL={})", libc::EINVAL)
}

#[cfg(windows)]
pub fn platform() -> String {
    let mut info: winapi::um::sysinfoapi::SYSTEM_INFO = unsafe { std::mem::zeroed() };
    unsafe { winapi::um::sysinfoapi::GetSystemInfo(&mut info) };
    format!("windows ({} cpus)", info.dwNumberOfProcessors)
}

#[cfg(feature = "text")]
pub fn numbers(s: &str) -> Vec<u64> {
    let re = regex::Regex::new("[0-9]+").unwrap();
    re.find_iter(s).map(|m| m.as_str().parse().unwrap()).collect()
}

#[cfg(feature = "ordered")]
pub fn word_positions(s: &str) -> indexmap::IndexMap<String, usize> {
    let mut m = indexmap::IndexMap::new();
    for (i, w) in s.split_whitespace().enumerate() {
        m.entry(w.to_string()).or_insert(i);
    }
    m
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
pub struct Report {
    pub name: String,
    pub mean: f64,
    #[cfg(feature = "ordered")]
    pub words: indexmap::IndexMap<String, usize>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn dev_dependency_features() {
        assert!(mutil::features().contains(&"json"));
        assert_eq!(serde_json::to_string(&[1, 2]).unwrap(), mutil::to_json(&[1, 2]));
        assert_eq!(super::mean(&[1, 2, 3]), 2.0);
    }
}
