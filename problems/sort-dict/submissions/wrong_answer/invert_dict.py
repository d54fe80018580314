# Classic mistake: inverts the dict to {value: key} to "sort by value", which silently keeps
# only one key per value when values tie.
class Solution:
    def sort_dict_by_value(self, d):
        inverted = {}
        for k in sorted(d, reverse=True):
            inverted[d[k]] = k  # the smallest key wins, but the others are lost
        return [[inverted[v], v] for v in sorted(inverted)]
