//! khoi-thi-dua: the secretariat's program for a Vietnamese provincial emulation bloc.
//!
//! The module map and the invariants that hold between modules are in ARCHITECTURE.md.

pub mod cli;
pub mod crash;
pub mod domain;
pub mod edit;
pub mod fsutil;
pub mod ops;
pub mod paths;
pub mod report;
pub mod sample;
pub mod store;
pub mod text;
pub mod ui;
