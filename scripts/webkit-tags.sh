#!/usr/bin/env bash
# Prints the Go build tags Wails needs for this machine's WebKitGTK.
if pkg-config --exists webkit2gtk-4.0 2>/dev/null; then echo ""; else echo "webkit2_41"; fi
