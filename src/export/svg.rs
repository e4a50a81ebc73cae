//! SVG: the DOT graph ([`EventGraph::to_dot`]) rendered by Graphviz's `dot -Tsvg`.
//! Graphviz is an external program; when `dot` is not on PATH the error says so and
//! how to install it.

use std::io::Write;
use std::process::{Command, Stdio};

use super::common::io;
use crate::document::Document;
use crate::error::Error;
use crate::graph::EventGraph;

const FORMAT: &str = "svg";

/// Renders DOT source to SVG with `dot -Tsvg`.
pub fn render(dot: &str) -> Result<Vec<u8>, Error> {
    let program = "dot -Tsvg".to_string();
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::MissingProgram {
                format: FORMAT,
                program: "dot",
                package: "Graphviz",
                install: "Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; \
                          macOS: brew install graphviz; or https://graphviz.org/download/",
            });
        }
        Err(e) => {
            return Err(Error::Program {
                program,
                message: format!("cannot start it: {e}"),
            });
        }
    };
    // feed stdin from another thread while stdout and stderr are read, so a large
    // graph cannot deadlock on full pipes
    let stdin = child.stdin.take();
    let input = dot.to_string();
    let feeder = std::thread::spawn(move || match stdin {
        Some(mut s) => s.write_all(input.as_bytes()),
        None => Ok(()),
    });
    let output = child.wait_with_output().map_err(|e| Error::Program {
        program: program.clone(),
        message: e.to_string(),
    })?;
    let fed = feeder.join();
    if !output.status.success() {
        return Err(Error::Program {
            program,
            message: format!(
                "{}: {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        });
    }
    if let Ok(Err(e)) = fed {
        return Err(Error::Program {
            program,
            message: format!("cannot write its input: {e}"),
        });
    }
    Ok(output.stdout)
}

/// Writes the SVG rendering of `doc`'s graph.
pub fn write(doc: &Document, out: &mut dyn Write) -> Result<(), Error> {
    let svg = render(&EventGraph::from_document(doc).to_dot(doc))?;
    out.write_all(&svg).map_err(io)
}
