//! Integration tests of `sop-extract`: the samples, bad inputs, marks, isolation.

mod bad_input;
mod isolate;
mod marks;
mod realworld;
mod samples;
mod tables;
mod util;
mod worker;
