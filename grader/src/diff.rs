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

fn join(lines: &[String]) -> String {
    let mut text = String::new();
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    text
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
}
