# Tries to smuggle the hidden test's input out through the report: raises an exception class
# named after the input (any string is a class name to type()). A hidden test's report names
# only a built-in exception type, never this one.
data = input().strip()
raise type("Leak " + data, (ValueError,), {})(data)
