// Implemented by the core crypto/URL work (see AuthKitQt issue 3).
