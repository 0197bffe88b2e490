package dev.gitopscrew.roles.scan;

/** A finding as the checks make it: the object it belongs to (for suppression) and its fix. */
record Hit(Finding finding, ManifestTree.Manifest manifest, Fix fix) {}
