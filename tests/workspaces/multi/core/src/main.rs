fn main() {
    println!("mcore features: {:?}", mcore::features());
    println!("mutil features (target): {:?}", mcore::mutil::features());
    println!("mutil features (build script): {:?}", mcore::BUILD_FEATURES);
    println!("table: {:?}", mcore::TABLE);
    println!("platform: {}", mcore::platform());
    println!("mean: {}", mcore::mean(&[3, 4, 8]));
}
