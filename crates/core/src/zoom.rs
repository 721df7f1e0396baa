//! The chart's text size: steps for "smaller" and "larger", and the size
//! that fits a chart's width. Sizes are whole percents, so no view has to
//! format a float.

/// The sizes "smaller" and "larger" step through.
pub const STEPS: [u16; 9] = [50, 67, 80, 90, 100, 110, 125, 150, 200];

/// The smallest size "fit the width" goes to. Below the smallest step the
/// view scales the whole chart (size / 50, with text at 50 %), its targets
/// keeping their size on screen: here by 0.56, text 4.5 px high, an
/// overview of the chart's shape. A chart still wider scrolls, and says so.
pub const MIN_FIT: u16 = 28;

/// The next step up (`larger`) or down from `current`, or `current` at the end.
pub fn step(current: u16, larger: bool) -> u16 {
    if larger {
        STEPS.iter().copied().find(|&s| s > current).unwrap_or(current)
    } else {
        STEPS.iter().rev().copied().find(|&s| s < current).unwrap_or(current)
    }
}

/// The size at which content `wide` pixels wide at `current` percent fits
/// in `available` pixels, assuming width scales with the text: at most 100,
/// at least [`MIN_FIT`].
pub fn fit(current: u16, wide: u32, available: u32) -> u16 {
    if wide == 0 {
        return current;
    }
    let scaled = u64::from(current) * u64::from(available) / u64::from(wide);
    scaled.clamp(u64::from(MIN_FIT), 100) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_up_and_down_and_stop_at_the_ends() {
        assert_eq!(step(100, true), 110);
        assert_eq!(step(100, false), 90);
        assert_eq!(step(200, true), 200);
        assert_eq!(step(50, false), 50);
        // A size between steps (after fitting) goes to the nearest step.
        assert_eq!(step(73, true), 80);
        assert_eq!(step(73, false), 67);
    }

    #[test]
    fn fitting_scales_down_to_the_available_width_within_bounds() {
        assert_eq!(fit(100, 2000, 1000), 50);
        assert_eq!(fit(50, 1000, 1000), 50);
        // Never larger than the normal size, never unreadable.
        assert_eq!(fit(100, 500, 1000), 100);
        assert_eq!(fit(100, 100_000, 1000), MIN_FIT);
        assert_eq!(fit(80, 0, 1000), 80);
    }
}
