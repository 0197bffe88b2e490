package dev.gitopscrew.roles.scan;

/**
 * A finding as the checks make it: the object it belongs to (for suppression), its fix, and whether
 * it is about something the object lacks (which a Kustomize patch, a partial object, may well
 * lack).
 */
record Hit(ScanFinding finding, ManifestTree.Manifest manifest, Fix fix, boolean lacking) {}
