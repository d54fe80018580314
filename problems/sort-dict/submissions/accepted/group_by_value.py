# Groups the keys by value, then walks the distinct values in order and each group's keys in
# order. Returns lists rather than tuples.
from typing import Dict, List


class Solution:
    def sort_dict_by_value(self, d: Dict[str, int]) -> List[list]:
        groups: Dict[int, List[str]] = {}
        for key, value in d.items():
            groups.setdefault(value, []).append(key)
        result = []
        for value in sorted(groups):
            for key in sorted(groups[value]):
                result.append([key, value])
        return result
