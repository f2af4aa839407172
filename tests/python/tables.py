"""Comparing a result's tables with the files the command line wrote."""

import pathlib

import pandas
import pandas.testing


def read_csv_file(path):
    return pandas.read_csv(path, keep_default_na=False, na_values=[""])


def assert_tables_equal(result, directory):
    files = sorted(path.name for path in pathlib.Path(directory).glob("*.csv"))
    assert sorted(name + ".csv" for name in result.table_names) == files
    for name in result.table_names:
        expected = read_csv_file(pathlib.Path(directory) / f"{name}.csv")
        pandas.testing.assert_frame_equal(result.frame(name), expected, check_exact=True)
        assert result.csv_text(name) == (pathlib.Path(directory) / f"{name}.csv").read_text()
