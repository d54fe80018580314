from typing import Dict, List


def sort_dict_by_value(d: Dict[str, int]) -> list:
    # TODO: return [[key, value], ...] ascending by value, ties by key ascending.
    return [[key, value] for key, value in d.items()]
