//! Password rules (OWASP ASVS 5.0): at least 8 characters, long passphrases kept whole, the
//! 10,000 most common passwords refused, Argon2id hashes.

pub const MIN_CHARS: usize = 8;
/// Generous: a passphrase of 64 characters and more is accepted exactly as typed; the bound
/// only keeps hashing work per request in check.
pub const MAX_CHARS: usize = 512;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    TooLong,
    Common,
    SameAsEmail,
}

impl Weakness {
    /// The Fluent key of the message.
    pub fn key(self) -> &'static str {
        match self {
            Weakness::TooShort => "password-too-short",
            Weakness::TooLong => "password-too-long",
            Weakness::Common => "password-common",
            Weakness::SameAsEmail => "password-same-as-email",
        }
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use argon2::Argon2;
    use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
    use std::collections::HashSet;
    use std::sync::LazyLock;

    /// The first 10,000 lines of SecLists' "10 million password list" (OWASP SecLists, CC BY-SA
    /// 3.0), most common first. See README, "Credits".
    static COMMON: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| include_str!("common-passwords.txt").lines().collect());

    /// Checks a new password; the password is never altered (no trimming, no truncation).
    pub fn check(password: &str, email: &str) -> Result<(), Weakness> {
        let chars = password.chars().count();
        if chars < MIN_CHARS {
            return Err(Weakness::TooShort);
        }
        if chars > MAX_CHARS {
            return Err(Weakness::TooLong);
        }
        if COMMON.contains(password) || COMMON.contains(password.to_lowercase().as_str()) {
            return Err(Weakness::Common);
        }
        if password.eq_ignore_ascii_case(email.trim()) {
            return Err(Weakness::SameAsEmail);
        }
        Ok(())
    }

    /// An Argon2id hash in PHC format, with a fresh random salt.
    pub fn hash(password: &str) -> String {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).expect("the operating system's random source");
        let salt = SaltString::encode_b64(&salt).expect("16 bytes is a valid salt");
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .expect("Argon2 with default parameters")
            .to_string()
    }

    pub fn verify(password: &str, hash: &str) -> bool {
        PasswordHash::new(hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
    }

    /// A hash to verify against when the account does not exist, so that unknown and known
    /// emails take the same time to refuse.
    pub static DECOY_HASH: LazyLock<String> = LazyLock::new(|| hash("decoy password, never used"));

    /// Argon2 takes tens of milliseconds of one core and 19 MiB: it runs on the blocking pool,
    /// at most one per core at a time, so that a crowd signing in queues here instead of
    /// stalling every other request on the async workers or exhausting memory.
    static HASHING: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        tokio::sync::Semaphore::new(cores)
    });

    async fn off_the_workers<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
        let _permit = HASHING
            .acquire()
            .await
            .expect("the semaphore is never closed");
        tokio::task::spawn_blocking(work)
            .await
            .expect("password hashing does not panic")
    }

    /// [`hash`], off the async workers.
    pub async fn hash_async(password: &str) -> String {
        let password = password.to_owned();
        off_the_workers(move || hash(&password)).await
    }

    /// [`verify`], off the async workers; `None` verifies against [`DECOY_HASH`].
    pub async fn verify_async(password: &str, hash: Option<&str>) -> bool {
        let (password, hash) = (password.to_owned(), hash.map(str::to_owned));
        off_the_workers(move || verify(&password, hash.as_deref().unwrap_or(&DECOY_HASH))).await
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_shipped_list_has_ten_thousand_passwords() {
            assert_eq!(COMMON.len(), 10_000);
            assert!(COMMON.contains("password") && COMMON.contains("123456"));
        }

        #[test]
        fn rules() {
            let email = "ops@example.com";
            assert_eq!(check("short7!", email), Err(Weakness::TooShort));
            assert_eq!(check("password", email), Err(Weakness::Common));
            assert_eq!(check("PASSWORD1", email), Err(Weakness::Common));
            assert_eq!(check("iloveyou", email), Err(Weakness::Common));
            assert_eq!(check("OPS@example.com", email), Err(Weakness::SameAsEmail));
            assert_eq!(
                check(&"x".repeat(MAX_CHARS + 1), email),
                Err(Weakness::TooLong)
            );
            assert_eq!(check("palm oil to Penang 2026", email), Ok(()));
            // Eight characters, counted as characters rather than bytes.
            assert_eq!(check("棕榈油合作伙伴泰", email), Ok(()));
        }

        /// On a single-threaded runtime, other tasks keep running while a hash is computed:
        /// the work is on the blocking pool, not on the worker that serves requests.
        #[tokio::test(flavor = "current_thread")]
        async fn hashing_leaves_the_async_worker_free() {
            use std::sync::Arc;
            use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
            let done = Arc::new(AtomicBool::new(false));
            let ticks = Arc::new(AtomicU32::new(0));
            let ticker = {
                let (done, ticks) = (done.clone(), ticks.clone());
                tokio::spawn(async move {
                    while !done.load(Ordering::Relaxed) {
                        ticks.fetch_add(1, Ordering::Relaxed);
                        tokio::task::yield_now().await;
                    }
                })
            };
            tokio::task::yield_now().await;
            let before = ticks.load(Ordering::Relaxed);
            let hashed = hash_async("palm oil to Penang 2026").await;
            let during = ticks.load(Ordering::Relaxed) - before;
            done.store(true, Ordering::Relaxed);
            ticker.await.unwrap();
            assert!(verify_async("palm oil to Penang 2026", Some(&hashed)).await);
            assert!(
                during > 10,
                "the worker ran {during} other steps during a hash"
            );
        }

        #[test]
        fn long_passphrases_are_kept_whole() {
            let long = "correct horse battery staple ".repeat(4);
            assert!(long.chars().count() > 64);
            let hashed = hash(&long);
            assert!(hashed.starts_with("$argon2id$"));
            assert!(verify(&long, &hashed));
            // Changing the last character matters: nothing was truncated.
            let mut other = long.clone();
            other.pop();
            other.push('!');
            assert!(!verify(&other, &hashed));
            assert!(!verify("anything", "not a hash"));
        }
    }
}
