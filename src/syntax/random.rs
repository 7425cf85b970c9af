//! The generator training draws from.

use crate::random::Rng;

/// The generator for training seed `seed`. Its own seeding (not [`Rng::new`]'s) so
/// that the committed model, trained with it, retrains to the same bytes.
pub fn training_rng(seed: u64) -> Rng {
    Rng::from_state(seed ^ 0x2545_F491_4F6C_DD1D)
}
