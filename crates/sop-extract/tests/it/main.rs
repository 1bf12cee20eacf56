//! Integration tests of `sop-extract`: the samples, bad inputs, marks, isolation.

mod samples;
