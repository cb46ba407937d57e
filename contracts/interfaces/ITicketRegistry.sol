// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ITicketRegistry
/// @notice What the market and the waitlist ask the factory: is this ticket contract one of its events?
interface ITicketRegistry {
    function isEvent(address ticket) external view returns (bool);
}
