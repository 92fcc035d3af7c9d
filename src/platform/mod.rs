//! Cross-cutting services any feature calls, with the tables they own: the audit log, the email
//! outbox and its delivery, random tokens stored as digests, rate limits, and the generation
//! of the public pages that every write to them raises.

pub mod audit;
pub mod delivery;
pub mod entity;
pub mod outbox;
pub mod page_generation;
pub mod rate_limit;
pub mod tokens;
