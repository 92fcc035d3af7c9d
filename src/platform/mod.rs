//! Cross-cutting services any feature calls, with the tables they own: the audit log, the email
//! outbox and its delivery, random tokens stored as digests, and rate limits.

pub mod audit;
pub mod delivery;
pub mod entity;
pub mod outbox;
pub mod rate_limit;
pub mod tokens;
