package harness

// EndOfJob is endOfJob, for the test that harness.py reads the same marker.
const EndOfJob = endOfJob

// WriteFrames is writeFrames, for its test.
var WriteFrames = writeFrames
