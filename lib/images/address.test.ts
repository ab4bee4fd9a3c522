import { describe, expect, test } from "vitest";
import { ipv6Value, isLocalName, isPublicAddress } from "./address";

describe("which addresses the image proxy may connect to", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "the rest of loopback"],
    ["10.1.2.3", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.255", "the top of 172.16/12"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "the cloud metadata service"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "the top of carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["::", "IPv6 unspecified"],
    ["::1", "IPv6 loopback"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["fec0::1", "site-local"],
    ["ff02::1", "IPv6 multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, in hex"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata service"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["64:ff9b::10.0.0.1", "NAT64 of a private address"],
    ["::127.0.0.1", "IPv4-compatible loopback"],
    ["2001:db8::1", "IPv6 documentation"],
    ["2001::1", "Teredo"],
    ["2002:7f00:1::1", "6to4 of loopback"],
    ["2130706433", "decimal IPv4 (as a resolver never returns it)"],
    ["0x7f.1", "hex IPv4"],
    ["0177.0.0.1", "octal IPv4"],
    ["127.1", "short IPv4"],
    ["fe80::1%eth0", "a zone id"],
    ["localhost", "a name, not an address"],
    ["", "nothing"],
    ["1.2.3.4.5", "too many parts"],
    ["256.1.1.1", "a part over 255"],
    ["1:2:3:4:5:6:7:8:9", "too many groups"],
    ["1::2::3", "two gaps"],
  ])("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  test.each([
    ["93.184.215.14"],
    ["8.8.8.8"],
    ["172.32.0.1"],
    ["100.128.0.1"],
    ["192.169.0.1"],
    ["2606:4700::6810:84e5"],
    ["::ffff:93.184.215.14"],
    ["64:ff9b::8.8.8.8"],
  ])("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  test("reads IPv6 with gaps and an IPv4 tail as the same number", () => {
    expect(ipv6Value("::ffff:127.0.0.1")).toBe(ipv6Value("0:0:0:0:0:ffff:7f00:0001"));
    expect(ipv6Value("1::")).toBe(1n << 112n);
  });
});

describe("which host names can only be local", () => {
  test.each(["localhost", "LOCALHOST.", "api.localhost", "avatars.emulator.invalid", "printer.local", "metadata.google.internal", "nas.home.arpa", "intranet"])(
    "%s is local",
    (name) => {
      expect(isLocalName(name)).toBe(true);
    },
  );

  test.each(["cdn.example.com", "images.example", "sendbird.com."])("%s may be public", (name) => {
    expect(isLocalName(name)).toBe(false);
  });
});
