"""What a pack reports about itself: its examples run through the engine, and why each rule fired or not."""
