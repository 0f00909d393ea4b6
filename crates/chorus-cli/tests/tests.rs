//! The `chorus` binary end to end, one module per topic over shared
//! helpers in `util`.

mod bad_input;
mod cluster;
mod concurrency;
mod eval;
mod extract;
mod hostile;
mod readers;
mod readme;
mod serve;
mod store;
mod summarize;
mod util;
mod watch;
