// Implemented by the keychain work (see AuthKitQt issue 3).
