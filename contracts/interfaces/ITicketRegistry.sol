// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ITicketRegistry
/// @notice What the market and the waitlist ask the factory (is this ticket contract one of its events?) and
/// what each event asks it (the metadata server's URL).
interface ITicketRegistry {
    function isEvent(address ticket) external view returns (bool);
    /// @notice ERC-7572 `contractURI` of event `ticket`; empty while no metadata base is set.
    function contractURIOf(address ticket) external view returns (string memory);
    /// @notice ERC-721 `tokenURI` of `ticket`'s token `tokenId`; empty while no metadata base is set.
    function tokenURIOf(address ticket, uint256 tokenId) external view returns (string memory);
}
