//! placeholder: constructions of the events stage
