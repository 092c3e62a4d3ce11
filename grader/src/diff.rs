//! Unified diffs of expected against actual output, one item per line.

use similar::TextDiff;

/// The unified diff of two line lists, headed `expected` and `actual`, or
/// `None` when they are equal.
pub fn unified(expected: &[String], actual: &[String]) -> Option<String> {
    if expected == actual {
        return None;
    }
    let old = join(expected);
    let new = join(actual);
    let diff = TextDiff::from_lines(&old, &new);
    Some(diff.unified_diff().context_radius(3).header("expected", "actual").to_string())
}

/// Lines longer than this are cut in a diff: an output with a megabyte in
/// one value must not flood the report.
pub const LINE_CHARS: usize = 300;

fn join(lines: &[String]) -> String {
    let mut text = String::new();
    for l in lines {
        text.push_str(&cut(l));
        text.push('\n');
    }
    text
}

/// A line as a diff shows it: whole, or its start and how much was cut,
/// with a digest of the whole so that two long lines that differ only
/// after the cut still differ.
fn cut(line: &str) -> std::borrow::Cow<'_, str> {
    let Some((end, _)) = line.char_indices().nth(LINE_CHARS) else { return line.into() };
    let rest = line[end..].chars().count();
    let digest = crate::rng::fnv1a(line.as_bytes()) as u32;
    format!("{}... [{rest} more characters; #{digest:08x}]", &line[..end]).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines() {
        let d = unified(&["a".into(), "b".into()], &["a".into(), "c".into()]).unwrap();
        assert!(d.contains("--- expected") && d.contains("+++ actual"), "{d}");
        assert!(d.contains("-b\n") && d.contains("+c\n"), "{d}");
        assert_eq!(unified(&["a".into()], &["a".into()]), None);
    }

    #[test]
    fn long_lines_are_cut_but_stay_apart() {
        let a = format!("{}a", "x".repeat(5_000));
        let b = format!("{}b", "x".repeat(5_000));
        let d = unified(&[a], &[b]).unwrap();
        assert!(d.len() < 2 * (LINE_CHARS + 200), "{d}");
        assert!(d.contains("4701 more characters"), "{d}");
        assert_eq!(d.lines().filter(|l| l.starts_with('-') || l.starts_with('+')).count(), 4, "{d}");
    }
}
