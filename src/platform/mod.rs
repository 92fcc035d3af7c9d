//! Services that run beside the web server rather than inside a request: today, delivering the
//! email outbox.

pub mod delivery;
