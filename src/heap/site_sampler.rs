//! Allocation sites for the memory report, sampled the way production heap profilers do
//! (tcmalloc, Go's pprof): the allocation hook counts bytes down, and the allocation that
//! crosses zero is charged to the Python line making it; the next countdown is drawn from an
//! exponential distribution with the chosen mean. An allocation of `s` bytes is then sampled
//! with probability `p = 1 - exp(-s / mean)`, so charging it `1/p` allocations and `s/p`
//! bytes gives unbiased estimates per line, at the cost of one subtraction per allocation
//! (charging every allocation exactly costs tens of instructions each: 15-50% of run time on
//! allocation-heavy programs, measured with `scripts/memreport-cost`).
//!
//! A mean of 1 byte samples every allocation (`p` is 1 to within 1e-6 for the smallest block),
//! which makes the table exact.
//!
//! The random draws come from a fixed-seed generator, so the same program reports the same
//! sites run after run.

use std::collections::HashMap;

/// The default mean distance between two samples, in bytes allocated.
pub const DEFAULT_MEAN_BYTES: u64 = 4096;

/// The file id of allocations made while no Python code runs (`<unknown>:0`).
const UNKNOWN_FILE: u32 = u32::MAX;

/// Estimated totals of one source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub file: String,
    pub line: u32,
    pub bytes: f64,
    pub count: f64,
}

pub struct SiteSampler {
    mean: f64,
    rng: u64,
    /// (file id << 32 | line) -> (estimated bytes, estimated allocations).
    table: HashMap<u64, (f64, f64), ahash::RandomState>,
}

impl SiteSampler {
    pub fn new(mean_bytes: u64) -> SiteSampler {
        SiteSampler {
            mean: mean_bytes.max(1) as f64,
            rng: 0x9E37_79B9_7F4A_7C15,
            table: HashMap::default(),
        }
    }

    pub fn mean_bytes(&self) -> f64 {
        self.mean
    }

    /// Bytes to allocate before the next sample: an exponential draw with the chosen mean
    /// (at least 1).
    pub fn next_countdown(&mut self) -> i64 {
        // xorshift64*: plenty for spacing samples, and reproducible.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        let bits = self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        // Uniform in (0, 1]: never 0, so the logarithm is finite.
        let u = (bits + 1) as f64 / (1u64 << 53) as f64;
        (-u.ln() * self.mean).ceil().max(1.0) as i64
    }

    /// Charges a sampled allocation of `size` bytes to `site` (file id, line; None when no
    /// Python code is running).
    pub fn charge(&mut self, site: Option<(u32, u32)>, size: usize) {
        let (file, line) = site.unwrap_or((UNKNOWN_FILE, 0));
        let p = -(-(size.max(1) as f64) / self.mean).exp_m1();
        let e = self
            .table
            .entry((u64::from(file) << 32) | u64::from(line))
            .or_insert((0.0, 0.0));
        e.0 += size as f64 / p;
        e.1 += 1.0 / p;
    }

    /// The estimated totals per line, in no particular order.
    pub fn into_sites(self) -> Vec<Site> {
        self.table
            .into_iter()
            .map(|(key, (bytes, count))| {
                let (file_id, line) = ((key >> 32) as u32, key as u32);
                let file = match file_id {
                    UNKNOWN_FILE => None,
                    id => super::source_names::name(id),
                };
                Site {
                    file: file.unwrap_or_else(|| "<unknown>".into()),
                    line,
                    bytes,
                    count,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `n` allocations of `size` bytes at one line through the countdown, as the hook
    /// does, and returns the estimate.
    fn estimate(mean: u64, size: usize, n: usize) -> (f64, f64) {
        let mut s = SiteSampler::new(mean);
        let mut countdown = s.next_countdown();
        for _ in 0..n {
            countdown -= size as i64;
            if countdown <= 0 {
                s.charge(Some((1, 10)), size);
                countdown = s.next_countdown();
            }
        }
        let sites = s.into_sites();
        sites.first().map_or((0.0, 0.0), |x| (x.bytes, x.count))
    }

    #[test]
    fn a_mean_of_one_byte_is_exact() {
        let (bytes, count) = estimate(1, 16, 1000);
        assert_eq!((bytes.round(), count.round()), (16000.0, 1000.0));
    }

    // Plain arithmetic over 200k draws, with no unsafe code for Miri to check: too slow there.
    #[test]
    #[cfg_attr(miri, ignore)]
    fn sampled_estimates_are_close() {
        // 200k allocations of 32 bytes (6.4 MB) sampled every 4 KiB on average: ~1560
        // samples, so the estimate is within a few percent.
        let (bytes, count) = estimate(4096, 32, 200_000);
        assert!((bytes / 6_400_000.0 - 1.0).abs() < 0.08, "{bytes}");
        assert!((count / 200_000.0 - 1.0).abs() < 0.08, "{count}");
        // Large blocks are always sampled and counted once each.
        let (bytes, count) = estimate(4096, 1 << 20, 10);
        assert_eq!(
            (bytes.round(), count.round()),
            (10.0 * (1 << 20) as f64, 10.0)
        );
    }

    #[test]
    #[cfg_attr(miri, ignore)]
    fn draws_are_reproducible_and_average_the_mean() {
        let (mut a, mut b) = (SiteSampler::new(4096), SiteSampler::new(4096));
        let draws: Vec<i64> = (0..20_000).map(|_| a.next_countdown()).collect();
        assert!(draws.iter().all(|&d| d == b.next_countdown() && d >= 1));
        let mean = draws.iter().sum::<i64>() as f64 / draws.len() as f64;
        assert!((mean / 4096.0 - 1.0).abs() < 0.05, "{mean}");
    }
}
