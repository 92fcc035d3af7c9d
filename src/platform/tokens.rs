//! Random tokens for sessions and emailed links. The token goes to its holder; the database
//! keeps only its SHA-256, so a copy of the database opens nothing.

use sha2::{Digest, Sha256};

/// A token of 256 random bits from the operating system's CSPRNG, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex::encode(bytes)
}

/// What is stored of `token`.
pub fn digest(token: &str) -> String {
    digest_bytes(token.as_bytes())
}

/// The SHA-256 of `bytes`, hex-encoded.
pub fn digest_bytes(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_fresh_and_stored_as_digests() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
