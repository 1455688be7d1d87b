// Implemented by the WebEngine layer work (AuthKitQt issue 4).
