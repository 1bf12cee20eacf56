//! Export as a BagIt bag.
