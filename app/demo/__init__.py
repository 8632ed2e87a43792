"""The demo cooperative "KSP Guyub Rukun" of Kota Mojokerto (fictional) and its generator."""
